import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Apollo } from 'apollo-angular';
import { del, get, set } from 'idb-keyval';
import { Observable, firstValueFrom } from 'rxjs';
import { Session } from '../auth/session';
import { Connection } from '../graphql/connection';
import { offlineStore } from '../offline/offline-store';
import {
  AddReactionDocument,
  CreateMessageDocument,
  DeleteMessageDocument,
  EditMessageDocument,
  GetConversationMessagesDocument,
  RemoveReactionDocument,
} from './messages.generated';
import { Message, PAGE_SIZE, QuotedMessage, withNewest } from './messages';

/** A message written by the signed-in user that the server has not confirmed yet. */
export interface OutgoingMessage {
  /** Absent on messages kept before the outbox held changes too. */
  kind?: 'create';
  id: string;
  conversationId: string;
  content: string;
  createdAt: string;
  sender: string;
  senderName: string;
  /** The message it replies to. */
  replyTo?: QuotedMessage;
  /** Why the server refused it, when it did; such a message is not sent again. */
  refusal?: string;
}

/** A change the signed-in user made to a message, which the server has not confirmed yet. */
export interface MessageChange {
  kind: 'edit' | 'delete' | 'react' | 'unreact';
  /** The change's own id. */
  id: string;
  conversationId: string;
  messageId: string;
  /** Who made it. */
  sender: string;
  senderName: string;
  /** When it was made, an ISO instant. */
  madeAt: string;
  /** The new content of an edit; the emoji of a reaction. */
  value?: string;
  /** Why the server refused it, when it did; such a change is not sent again. */
  refusal?: string;
}

/** What the outbox holds: messages and changes to messages, in the order they were made. */
export type OutboxItem = OutgoingMessage | MessageChange;

export function isChange(item: OutboxItem): item is MessageChange {
  return item.kind !== undefined && item.kind !== 'create';
}

const OUTBOX_KEY = 'outbox';

/**
 * While messages wait and nothing says the network is back, sending is tried again after this delay,
 * doubled after each try that fails, up to {@link MAX_RETRY_DELAY_MS}.
 */
const FIRST_RETRY_DELAY_MS = 1_000;

const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Messages, and changes to messages (edits, deletions, reactions), on their way to the server. Each
 * is kept in IndexedDB before it is sent, so that it survives a reload and a browser restart, and
 * they are sent one after the other in the order made once the server can be reached. Sending one
 * twice changes nothing more than sending it once: the server knows a message by the id the client
 * gave it, and an edit, a deletion or a reaction made again is answered as it is.
 */
@Injectable({ providedIn: 'root' })
export class Outbox {
  private readonly apollo = inject(Apollo);
  private readonly session = inject(Session);

  private readonly waiting = signal<OutboxItem[]>([]);

  private sending = false;

  private retry?: ReturnType<typeof setTimeout>;

  /** Tries that failed since the server last answered, which lengthen the wait before the next. */
  private failedTries = 0;

  /** The signed-in user's waiting and refused messages and changes, oldest first. */
  readonly items = computed(() =>
    this.waiting().filter((item) => item.sender === this.session.userId()),
  );

  constructor() {
    addEventListener('online', () => this.sendWaiting());
    inject(Connection).afterEachReconnect(() => this.sendWaiting(), inject(DestroyRef));
  }

  /** Reads back what was waiting when the app last ran, and sends it. */
  async restore(): Promise<void> {
    try {
      this.waiting.set((await get<OutboxItem[]>(OUTBOX_KEY, offlineStore())) ?? []);
    } catch {
      // No IndexedDB: messages still go out, but do not outlive the page.
    }
    this.sendWaiting();
  }

  /** Keeps {@code item} and sends it after those made before it. */
  async add(item: OutboxItem): Promise<void> {
    await this.keep([...this.waiting(), item]);
    this.sendWaiting();
  }

  /** Sends again a message or change the server refused, in its place among those waiting. */
  async sendAgain(id: string): Promise<void> {
    await this.keep(
      this.waiting().map((item) => (item.id === id ? { ...item, refusal: undefined } : item)),
    );
    this.sendWaiting();
  }

  /** Gives up on a message or change the server refused. */
  async discard(id: string): Promise<void> {
    await this.keep(this.waiting().filter((item) => item.id !== id));
  }

  /** Forgets everything waiting, as on sign-out. */
  async clear(): Promise<void> {
    this.waiting.set([]);
    await del(OUTBOX_KEY, offlineStore()).catch(() => undefined);
  }

  private async sendWaiting(): Promise<void> {
    if (this.sending) {
      return;
    }
    this.sending = true;
    clearTimeout(this.retry);
    try {
      let next: OutboxItem | undefined;
      while ((next = this.items().find((item) => !item.refusal))) {
        const refusal = await this.send(next);
        if (refusal === undefined) {
          this.retry = setTimeout(() => this.sendWaiting(), this.retryDelay());
          this.failedTries++;
          return;
        }
        this.failedTries = 0;
        const sent = next;
        await this.keep(
          refusal
            ? this.waiting().map((item) => (item === sent ? { ...item, refusal } : item))
            : this.waiting().filter((item) => item !== sent),
        );
      }
    } finally {
      this.sending = false;
    }
  }

  /**
   * Sends {@code item}: '' once the server has it, the server's reason when it refuses it, and
   * undefined when it cannot be reached, or failed in a way that trying again may mend.
   */
  private async send(item: OutboxItem): Promise<string | undefined> {
    try {
      await firstValueFrom(isChange(item) ? this.change(item) : this.create(item));
      return '';
    } catch (error) {
      if (CombinedGraphQLErrors.is(error) && !mayMend(error)) {
        return error.errors.map((refused) => refused.message).join('; ');
      }
      return undefined;
    }
  }

  private create(message: OutgoingMessage): Observable<unknown> {
    const variables = { conversationId: message.conversationId, first: PAGE_SIZE };
    return this.apollo.mutate({
      mutation: CreateMessageDocument,
      variables: {
        id: message.id,
        content: message.content,
        conversationId: message.conversationId,
        createdAt: message.createdAt,
        replyToId: message.replyTo?.id ?? null,
      },
      optimisticResponse: { createMessage: asMessage(message) },
      update: (cache, { data }) => {
        const stored = data?.createMessage;
        if (stored) {
          cache.updateQuery({ query: GetConversationMessagesDocument, variables }, (current) =>
            current ? withNewest(current, stored) : current,
          );
        }
      },
    });
  }

  /** The server answers each change with the message as it is now, which the cache then shows. */
  private change(change: MessageChange): Observable<unknown> {
    const { conversationId, messageId } = change;
    switch (change.kind) {
      case 'edit':
        return this.apollo.mutate({
          mutation: EditMessageDocument,
          variables: { conversationId, id: messageId, content: change.value ?? '' },
        });
      case 'delete':
        return this.apollo.mutate({
          mutation: DeleteMessageDocument,
          variables: { conversationId, id: messageId },
        });
      case 'react':
        return this.apollo.mutate({
          mutation: AddReactionDocument,
          variables: { conversationId, messageId, emoji: change.value ?? '' },
        });
      case 'unreact':
        return this.apollo.mutate({
          mutation: RemoveReactionDocument,
          variables: { conversationId, messageId, emoji: change.value ?? '' },
        });
    }
  }

  private retryDelay(): number {
    return Math.min(FIRST_RETRY_DELAY_MS * 2 ** this.failedTries, MAX_RETRY_DELAY_MS);
  }

  private async keep(items: OutboxItem[]): Promise<void> {
    this.waiting.set(items);
    await set(OUTBOX_KEY, items, offlineStore()).catch(() => undefined);
  }
}

/** How a waiting message shows among the stored ones: as not stored yet. */
export function asMessage(message: OutgoingMessage): Message {
  return {
    __typename: 'Message',
    id: message.id,
    conversationId: message.conversationId,
    content: message.content,
    createdAt: message.createdAt,
    sender: message.sender,
    isSent: false,
    author: { __typename: 'User', id: message.sender, username: message.senderName },
    editedAt: null,
    deleted: false,
    timelinePosition: '',
    authorBlocked: false,
    mentions: [],
    reactions: [],
    replyTo: message.replyTo ?? null,
    seenBy: { __typename: 'SeenBy', count: 0, users: [] },
  };
}

/**
 * Errors of the server itself, of a database briefly unavailable, or of a token about to be
 * refreshed, may be gone on the next try.
 */
function mayMend(error: CombinedGraphQLErrors): boolean {
  return error.errors.some((refused) =>
    ['INTERNAL_ERROR', 'UNAVAILABLE', 'UNAUTHORIZED'].includes(
      String(refused.extensions?.['classification']),
    ),
  );
}

import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { Apollo } from 'apollo-angular';
import { del, get, set } from 'idb-keyval';
import { firstValueFrom } from 'rxjs';
import { Session } from '../auth/session';
import { Connection } from '../graphql/connection';
import { offlineStore } from '../offline/offline-store';
import { CreateMessageDocument, GetConversationMessagesDocument } from './messages.generated';
import { Message, PAGE_SIZE, withNewest } from './messages';

/** A message written by the signed-in user that the server has not confirmed yet. */
export interface OutgoingMessage {
  id: string;
  conversationId: string;
  content: string;
  createdAt: string;
  sender: string;
  senderName: string;
  /** Why the server refused it, when it did; such a message is not sent again. */
  refusal?: string;
}

const OUTBOX_KEY = 'outbox';

/**
 * While messages wait and nothing says the network is back, sending is tried again after this delay,
 * doubled after each try that fails, up to {@link MAX_RETRY_DELAY_MS}.
 */
const FIRST_RETRY_DELAY_MS = 1_000;

const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Messages on their way to the server. Each is kept in IndexedDB before it is sent, so that it
 * survives a reload and a browser restart, and is sent in the order written once the server can be
 * reached. A message sent twice is stored once: the server knows it by the id the client gave it.
 */
@Injectable({ providedIn: 'root' })
export class Outbox {
  private readonly apollo = inject(Apollo);
  private readonly session = inject(Session);

  private readonly waiting = signal<OutgoingMessage[]>([]);

  private sending = false;

  private retry?: ReturnType<typeof setTimeout>;

  /** Tries that failed since the server last answered, which lengthen the wait before the next. */
  private failedTries = 0;

  /** The signed-in user's waiting and refused messages, oldest first. */
  readonly messages = computed(() =>
    this.waiting().filter((message) => message.sender === this.session.userId()),
  );

  constructor() {
    addEventListener('online', () => this.sendWaiting());
    inject(Connection).afterEachReconnect(() => this.sendWaiting(), inject(DestroyRef));
  }

  /** Reads back what was waiting when the app last ran, and sends it. */
  async restore(): Promise<void> {
    try {
      this.waiting.set((await get<OutgoingMessage[]>(OUTBOX_KEY, offlineStore())) ?? []);
    } catch {
      // No IndexedDB: messages still go out, but do not outlive the page.
    }
    this.sendWaiting();
  }

  /** Keeps {@code message} and sends it after those written before it. */
  async add(message: OutgoingMessage): Promise<void> {
    await this.keep([...this.waiting(), message]);
    this.sendWaiting();
  }

  /** Gives up on a message the server refused. */
  async discard(id: string): Promise<void> {
    await this.keep(this.waiting().filter((message) => message.id !== id));
  }

  /** Forgets every waiting message, as on sign-out. */
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
      let next: OutgoingMessage | undefined;
      while ((next = this.messages().find((message) => !message.refusal))) {
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
            ? this.waiting().map((message) =>
                message === sent ? { ...message, refusal } : message,
              )
            : this.waiting().filter((message) => message !== sent),
        );
      }
    } finally {
      this.sending = false;
    }
  }

  /**
   * Sends {@code message}: '' once the server has it, the server's reason when it refuses it, and
   * undefined when it cannot be reached, or failed in a way that trying again may mend.
   */
  private async send(message: OutgoingMessage): Promise<string | undefined> {
    const variables = { conversationId: message.conversationId, first: PAGE_SIZE };
    try {
      await firstValueFrom(
        this.apollo.mutate({
          mutation: CreateMessageDocument,
          variables: {
            id: message.id,
            content: message.content,
            conversationId: message.conversationId,
            createdAt: message.createdAt,
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
        }),
      );
      return '';
    } catch (error) {
      if (CombinedGraphQLErrors.is(error) && !mayMend(error)) {
        return error.errors.map((refused) => refused.message).join('; ');
      }
      return undefined;
    }
  }

  private retryDelay(): number {
    return Math.min(FIRST_RETRY_DELAY_MS * 2 ** this.failedTries, MAX_RETRY_DELAY_MS);
  }

  private async keep(messages: OutgoingMessage[]): Promise<void> {
    this.waiting.set(messages);
    await set(OUTBOX_KEY, messages, offlineStore()).catch(() => undefined);
  }
}

/** How a waiting message shows among the stored ones: with a gray check. */
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

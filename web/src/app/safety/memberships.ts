import { Injectable, computed, inject, signal } from '@angular/core';
import { TypedDocumentNode } from '@apollo/client';
import { Apollo } from 'apollo-angular';
import { firstValueFrom } from 'rxjs';
import { Session } from '../auth/session';
import { MY_CONVERSATIONS_SHOWN } from '../chat/my-conversations';
import {
  MuteConversationDocument,
  SafetyMembershipsDocument,
  SafetyMembershipsQuery,
  UnmuteConversationDocument,
} from './memberships.generated';

export interface Member {
  id: string;
  username: string;
}

/** One of my conversations as the safety menus see it. */
export interface SafeMembership {
  muted: boolean;
  /** Its members but me. */
  others: Member[];
}

/**
 * Which of my conversations I muted, and who else is in each, read from the server. It is kept out
 * of the cache, whose copy of my conversations the conversation list writes with other fields, and
 * known for the signed-in user only.
 */
@Injectable({ providedIn: 'root' })
export class Memberships {
  private readonly apollo = inject(Apollo);
  private readonly session = inject(Session);

  private readonly known = signal({ userId: '', memberships: new Map<string, SafeMembership>() });
  private readonly mine = computed((): Map<string, SafeMembership> => {
    const known = this.known();
    return known.userId === this.session.userId() ? known.memberships : new Map();
  });
  /** The ids of the people I share a conversation with, in order, one string. */
  readonly sharedWith = computed(() =>
    [...new Set([...this.mine().values()].flatMap(({ others }) => others.map(({ id }) => id)))]
      .sort()
      .join(' '),
  );
  /** Counts the mutings and unmutings, so that an answer read before one does not undo it. */
  private changes = 0;

  muted(conversationId: string): boolean {
    return this.mine().get(conversationId)?.muted ?? false;
  }

  othersIn(conversationId: string): Member[] {
    return this.mine().get(conversationId)?.others ?? [];
  }

  /** Reads my conversations again; offline, or with the server away, what was known stays. */
  async refresh(): Promise<void> {
    const userId = this.session.userId();
    const changes = this.changes;
    try {
      const { data } = await firstValueFrom(
        this.apollo.query({
          query: SafetyMembershipsDocument,
          variables: { first: MY_CONVERSATIONS_SHOWN },
          fetchPolicy: 'no-cache',
        }),
      );
      if (data && changes === this.changes) {
        this.known.set({ userId, memberships: safeMembershipsOf(data, userId) });
      }
    } catch {
      // Read again when the next conversation opens.
    }
  }

  /** Mutes the conversation, so that my clients do not alert me of its messages, or unmutes it. */
  async setMuted(conversationId: string, muted: boolean): Promise<void> {
    const membership = muted
      ? (await this.send(MuteConversationDocument, conversationId))?.muteConversation
      : (await this.send(UnmuteConversationDocument, conversationId))?.unmuteConversation;
    if (!membership) {
      return;
    }
    this.changes++;
    const memberships = new Map(this.mine());
    const others = memberships.get(conversationId)?.others ?? [];
    memberships.set(conversationId, { muted: membership.muted, others });
    this.known.set({ userId: this.session.userId(), memberships });
  }

  private async send<T>(
    mutation: TypedDocumentNode<T, { conversationId: string }>,
    conversationId: string,
  ): Promise<T | undefined> {
    const result = await firstValueFrom(
      this.apollo.mutate({ mutation, variables: { conversationId }, fetchPolicy: 'no-cache' }),
    );
    return result.data ?? undefined;
  }
}

/** My conversations by id, as {@code me} finds them in the answer to safetyMemberships. */
export function safeMembershipsOf(
  data: SafetyMembershipsQuery,
  me: string,
): Map<string, SafeMembership> {
  const memberships = new Map<string, SafeMembership>();
  for (const membership of data.me?.conversations?.userConversations ?? []) {
    if (membership) {
      const others = (membership.associated ?? [])
        .map((member) => member?.user)
        .filter((user): user is Member & { __typename: 'User' } => !!user && user.id !== me)
        .map(({ id, username }) => ({ id, username }));
      memberships.set(membership.conversationId, { muted: membership.muted, others });
    }
  }
  return memberships;
}

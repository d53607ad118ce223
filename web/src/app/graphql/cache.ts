import { TypePolicies } from '@apollo/client';

interface Reference {
  __ref: string;
}

interface MessagePage {
  nextToken?: string | null;
  messages?: (Reference | null)[] | null;
}

interface ConversationPage {
  nextToken?: string | null;
  conversations?: Reference[];
}

/**
 * How the cache keeps a conversation's messages: one list per conversation, newest first, that
 * pages reached with nextToken extend at the old end, and refetches of the newest page refresh at
 * the new end, each message once and with no gap. My conversation list is one list too, that
 * further pages extend. What exists once per user (my unread total, my settings) is one object
 * whichever field brings it, each conversation's typists are one object however they come, and so
 * is each user's presence.
 */
export const cacheTypePolicies: TypePolicies = {
  Query: {
    fields: {
      allMessageConnection: {
        keyArgs: ['conversationId'],
        merge(existing: MessagePage | undefined, incoming: MessagePage, { args }) {
          return mergeMessagePages(existing, incoming, Boolean(args?.['after']));
        },
      },
      conversationList: {
        keyArgs: false,
        merge(existing: ConversationPage | undefined, incoming: ConversationPage, { args }) {
          return mergeConversationPages(existing, incoming, Boolean(args?.['after']));
        },
      },
    },
  },
  UnreadTotal: { keyFields: [] },
  Settings: { keyFields: [] },
  TypingState: { keyFields: ['conversationId'] },
  Presence: { keyFields: ['user', ['id']] },
};

/**
 * My conversations once {@code incoming} is in: a further page adds those not listed yet; the
 * first page, fetched again, starts the list anew, as activity may have reordered all of it.
 */
export function mergeConversationPages(
  existing: ConversationPage | undefined,
  incoming: ConversationPage,
  further: boolean,
): ConversationPage {
  if (!existing || !further) {
    return incoming;
  }
  const known = existing.conversations ?? [];
  const listed = new Set(known.map((conversation) => conversation.__ref));
  const fresh = (incoming.conversations ?? []).filter(
    (conversation) => !listed.has(conversation.__ref),
  );
  return { ...existing, nextToken: incoming.nextToken, conversations: [...known, ...fresh] };
}

export function mergeMessagePages(
  existing: MessagePage | undefined,
  incoming: MessagePage,
  older: boolean,
): MessagePage {
  if (!existing) {
    return incoming;
  }
  const known = existing.messages ?? [];
  const arriving = incoming.messages ?? [];
  const seen = new Set(known.map((message) => message?.__ref));
  if (!older && incoming.nextToken && !seen.has(arriving.at(-1)?.__ref)) {
    // The newest page does not reach the messages kept from before (the app was away while many
    // were sent): joining them would leave a gap, so the list starts again from this page.
    return incoming;
  }
  const fresh = arriving.filter((message) => !seen.has(message?.__ref));
  return older
    ? { ...existing, nextToken: incoming.nextToken, messages: [...known, ...fresh] }
    : { ...existing, messages: [...fresh, ...known] };
}

import { TypePolicies } from '@apollo/client';

interface Reference {
  __ref: string;
}

interface MessagePage {
  nextToken?: string | null;
  messages?: (Reference | null)[] | null;
}

/**
 * How the cache keeps a conversation's messages: one list per conversation, newest first, that
 * pages reached with nextToken extend at the old end, and refetches of the newest page refresh at
 * the new end, each message once and with no gap.
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
    },
  },
};

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

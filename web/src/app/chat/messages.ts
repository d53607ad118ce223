import {
  GetConversationMessagesQuery,
  MessageFieldsFragment,
  QuotedMessageFieldsFragment,
  SubscribeToConversationEventsSubscription,
} from './messages.generated';

/** A message as the client reads it: the fields of MessageFields. */
export type Message = MessageFieldsFragment;

/** The message another one replies to, as it is quoted above the reply. */
export type QuotedMessage = QuotedMessageFieldsFragment;

/** What happened in a conversation, as its timeline tells it. */
export type ConversationEvent = NonNullable<
  SubscribeToConversationEventsSubscription['subscribeToConversationEvents']
>;

/** A conversation opens with this many of its newest messages, and pages back as many at a time. */
export const PAGE_SIZE = 10;

/** The page with {@code message} added as the newest, unless it is there already. */
export function withNewest(
  page: GetConversationMessagesQuery,
  message: Message,
): GetConversationMessagesQuery {
  const messages = page.allMessageConnection?.messages ?? [];
  if (messages.some((known) => known?.id === message.id)) {
    return page;
  }
  return withMessages(page, [message, ...messages]);
}

/**
 * The page as it is after {@code event}: a new message is its newest; an edited or deleted one, or
 * one whose reactions changed, is shown as it is now where it was. An event about a message the
 * page does not hold, or about no message, leaves it as it is.
 */
export function withEvent(
  page: GetConversationMessagesQuery,
  event: ConversationEvent,
): GetConversationMessagesQuery {
  const changed = event.message;
  if (!changed) {
    return page;
  }
  if (event.kind === 'MESSAGE_CREATED') {
    return withNewest(page, changed);
  }
  const messages = page.allMessageConnection?.messages ?? [];
  if (!messages.some((known) => known?.id === changed.id)) {
    return page;
  }
  return withMessages(
    page,
    messages.map((known) => (known?.id === changed.id ? changed : known)),
  );
}

/** The later of two positions of a conversation's timeline; null is none. */
export function laterPosition(one: string | null, other: string | null): string | null {
  if (one === null || other === null) {
    return one ?? other;
  }
  return BigInt(other || '0') > BigInt(one || '0') ? other : one;
}

function withMessages(
  page: GetConversationMessagesQuery,
  messages: (Message | null)[],
): GetConversationMessagesQuery {
  return {
    ...page,
    allMessageConnection: {
      __typename: 'MessageConnection',
      nextToken: page.allMessageConnection?.nextToken ?? null,
      messages,
    },
  };
}

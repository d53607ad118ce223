import { GetConversationMessagesQuery, MessageFieldsFragment } from './messages.generated';

/** A message as the client reads it: the fields of MessageFields. */
export type Message = MessageFieldsFragment;

/** A conversation opens with this many of its newest messages, and pages back as many at a time. */
export const PAGE_SIZE = 10;

/** The page with {@code message} added as the newest, unless it is there already. */
export function withNewest(
  page: GetConversationMessagesQuery,
  message: Message,
): GetConversationMessagesQuery {
  const connection = page.allMessageConnection;
  const messages = connection?.messages ?? [];
  if (messages.some((known) => known?.id === message.id)) {
    return page;
  }
  return {
    ...page,
    allMessageConnection: {
      __typename: 'MessageConnection',
      nextToken: connection?.nextToken ?? null,
      messages: [message, ...messages],
    },
  };
}

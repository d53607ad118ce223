import { ReadReceiptsFields } from './read-receipts';
import { GetConversationMessagesQuery } from '../chat/messages.generated';
import { Message } from '../chat/messages';

/** Named after "Seen by", at most this many readers; the others are counted. */
const NAMED_AT_MOST = 3;

/**
 * "Seen by bob and carol" under my newest message that others have read, among {@code messages};
 * null when no one read any of mine.
 */
export function seenByLine(
  messages: Message[],
  me: string,
): { messageId: string; text: string } | null {
  const read = messages
    .filter(
      (message) =>
        message.sender === me && message.isSent && !message.deleted && message.seenBy.count > 0,
    )
    .at(-1);
  if (!read) {
    return null;
  }
  const { count, users } = read.seenBy;
  const names = users.map((user) => user.username);
  const named = names.length === count && count <= NAMED_AT_MOST ? names : names.slice(0, 2);
  const others = count - named.length;
  const text =
    others > 0
      ? `${named.join(', ')} and ${others} ${others === 1 ? 'other' : 'others'}`
      : named.length > 1
        ? `${named.slice(0, -1).join(', ')} and ${named.at(-1)}`
        : named[0];
  return { messageId: read.id, text: `Seen by ${text}` };
}

/**
 * The page once its readers moved their markers as {@code receipts} tell: a reader whose marker is
 * at a message has read it and every older one, so each of those they did not write counts them
 * among its readers. A message whose readers are only partly named is left as the server said.
 */
export function withReceipts(
  page: GetConversationMessagesQuery,
  receipts: ReadReceiptsFields['receipts'],
): GetConversationMessagesQuery {
  const messages = page.allMessageConnection?.messages;
  if (!messages || receipts.length === 0) {
    return page;
  }
  const read = messages.map((message) => message && { ...message });
  for (const { user, messageId } of receipts) {
    const marker = read.findIndex((message) => message?.id === messageId);
    if (marker < 0) {
      continue;
    }
    // Newest first: the marker's message and all after it in the page are read.
    for (const message of read.slice(marker)) {
      const { count, users } = message?.seenBy ?? { count: 0, users: [] };
      if (
        message &&
        message.sender !== user.id &&
        users.length === count &&
        !users.some((reader) => reader.id === user.id)
      ) {
        message.seenBy = { ...message.seenBy, count: count + 1, users: [...users, user] };
      }
    }
  }
  return {
    ...page,
    allMessageConnection: {
      __typename: 'MessageConnection',
      nextToken: page.allMessageConnection?.nextToken ?? null,
      messages: read,
    },
  };
}

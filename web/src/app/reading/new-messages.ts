/** A message as far as telling the unread ones apart goes. */
export interface ShownMessage {
  id: string;
  sender: string | null;
  deleted: boolean;
  isSent: boolean | null;
}

/** Where I had read to in a conversation when I opened it. */
export interface ReadAtOpening {
  lastReadMessageId: string | null;
  unreadCount: number;
}

/**
 * The message the "New messages" divider goes before, among {@code messages} (oldest first): the
 * first message of someone else after my marker when the marker is among them; otherwise the one
 * that many unread messages from the newest, as the server counted them, or the oldest shown when
 * fewer are shown. None when nothing was unread.
 */
export function firstUnread(
  messages: ShownMessage[],
  opening: ReadAtOpening,
  me: string,
): string | null {
  if (opening.unreadCount === 0) {
    return null;
  }
  const othersFrom = (start: number) =>
    messages
      .slice(start)
      .filter((message) => message.isSent && message.sender !== me && !message.deleted);
  const marker = messages.findIndex((message) => message.id === opening.lastReadMessageId);
  if (marker >= 0) {
    return othersFrom(marker + 1)[0]?.id ?? null;
  }
  const others = othersFrom(0);
  return (others.at(-opening.unreadCount) ?? others[0])?.id ?? null;
}

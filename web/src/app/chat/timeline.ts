import { Message } from './messages';

/** Messages of one author closer than this to each other make one group, as chat apps show them. */
export const GROUP_GAP_MS = 5 * 60_000;

/** A message as the conversation lays it out. */
export interface TimelineEntry {
  message: Message;
  /** "Today", "Yesterday" or the date, above the first message of each day. */
  day?: string;
  /** Whether it opens a group of one author's messages: their name and avatar show on it. */
  groupStart: boolean;
}

const DATE = new Intl.DateTimeFormat('en', { weekday: 'long', day: 'numeric', month: 'long' });
const DATE_WITH_YEAR = new Intl.DateTimeFormat('en', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});

/**
 * The messages, oldest first, with a day's name before the first of each day (in the reader's time
 * zone) and the start of each group marked: a group is one author's messages in a row, each within
 * {@link GROUP_GAP_MS} of the one before, on one day.
 */
export function timeline(messages: Message[], now: Date): TimelineEntry[] {
  let previous: { sender: Message['sender']; time: number; day: string } | undefined;
  return messages.map((message) => {
    const time = Date.parse(message.createdAt ?? '');
    // A message without a readable date stays on the day of the one before.
    const day = Number.isNaN(time) ? (previous?.day ?? '') : dayOf(new Date(time));
    const newDay = day !== (previous?.day ?? '');
    const groupStart =
      newDay || previous?.sender !== message.sender || !(time - previous.time <= GROUP_GAP_MS);
    previous = { sender: message.sender, time, day };
    return newDay
      ? { message, groupStart, day: dayLabel(new Date(time), now) }
      : { message, groupStart };
  });
}

/** "Today", "Yesterday", "Monday, November 23" within the year, "November 23, 2025" before it. */
export function dayLabel(date: Date, now: Date): string {
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (dayOf(date) === dayOf(now)) {
    return 'Today';
  }
  if (dayOf(date) === dayOf(yesterday)) {
    return 'Yesterday';
  }
  return (date.getFullYear() === now.getFullYear() ? DATE : DATE_WITH_YEAR).format(date);
}

/** The reader's local day of {@code date}, as a key. */
function dayOf(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

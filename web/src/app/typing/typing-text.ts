import { TypingFieldsFragment } from './typing.generated';

/** Who is typing in a conversation, as the server tells it. */
export type TypingState = TypingFieldsFragment;

/** Above this many typists, they are counted rather than named. */
const NAMED_AT_MOST = 3;

/**
 * "alice is typing…", "alice and bob are typing…", "4 people are typing…": who is typing but
 * {@code me}, named when the server names them (it only counts them in conversations of more than
 * 100 members), and nothing when no one is.
 */
export function typingText(state: TypingState | null | undefined, me: string): string {
  const users = state?.users ?? [];
  const names = users.filter((user) => user.id !== me).map((user) => user.username);
  const count = Math.max((state?.count ?? 0) - (users.length - names.length), names.length);
  if (count === 0) {
    return '';
  }
  if (names.length < count || count > NAMED_AT_MOST) {
    return count === 1 ? 'Someone is typing…' : `${count} people are typing…`;
  }
  if (count === 1) {
    return `${names[0]} is typing…`;
  }
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)} are typing…`;
}

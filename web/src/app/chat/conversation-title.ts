/** How a conversation's default name, its members' names, joins them. */
const SEPARATOR = ', ';

/**
 * The name of a conversation as {@code me} sees it: a default name, the list of its members' names,
 * without mine, as I know who I am; any other name as it was given.
 */
export function titleFor(name: string, me: string): string {
  const names = name.split(SEPARATOR);
  if (names.length < 2 || !names.includes(me)) {
    return name;
  }
  return names.filter((member) => member !== me).join(SEPARATOR);
}

/** The default name of a conversation with {@code others} started by {@code me}: all our names. */
export function defaultName(others: string[], me: string): string {
  return [...others, me].join(SEPARATOR);
}

/**
 * Whether the header names the other members beside their presence: not when the title already is
 * the name of the only other one, as in a conversation of two, which would then say it twice.
 */
export function namesMembers(title: string, others: { username: string }[]): boolean {
  return !(others.length === 1 && others[0].username === title);
}

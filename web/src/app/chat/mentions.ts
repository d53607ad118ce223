/** A user a message mentions, as the server resolved its @username. */
export interface Mentioned {
  id: string;
  username: string;
}

/** A piece of a message's content: plain text, a mention of a member, or a link. */
export interface Segment {
  text: string;
  mention?: Mentioned;
  /** Whether the mention is of the reader. */
  mine?: boolean;
  /** Where a web address written in the message leads. */
  href?: string;
}

/** What a mention's name may be made of, as the server reads it. */
const NAME_CHARACTER = String.raw`[\p{L}\p{Nd}._-]`;

/**
 * The content cut where it mentions the users the server resolved, so that those mentions stand
 * out, and the ones of {@code me} the most. An @name that is no one mentioned stays plain text, as
 * it does for the server; names compare as the server compares them, whatever their case.
 */
export function segments(content: string, mentions: Mentioned[], me: string): Segment[] {
  if (mentions.length === 0 || !content.includes('@')) {
    return [{ text: content }];
  }
  const byName = new Map(mentions.map((user) => [user.username.toLowerCase(), user]));
  const mention = new RegExp(String.raw`(?<![\p{L}\p{Nd}._@-])@(${NAME_CHARACTER}{3,32})`, 'gu');
  const pieces: Segment[] = [];
  let from = 0;
  for (const match of content.matchAll(mention)) {
    const name = match[1];
    const bare = name.replace(/[._-]+$/u, '');
    const user = byName.get(name.toLowerCase()) ?? byName.get(bare.toLowerCase());
    if (!user) {
      continue;
    }
    const text = `@${byName.has(name.toLowerCase()) ? name : bare}`;
    if (match.index > from) {
      pieces.push({ text: content.slice(from, match.index) });
    }
    pieces.push({ text, mention: user, mine: user.id === me });
    from = match.index + text.length;
  }
  if (from < content.length) {
    pieces.push({ text: content.slice(from) });
  }
  return pieces;
}

/** The @name being typed at the caret of a draft: where its @ is, and what follows it so far. */
export interface MentionTyped {
  start: number;
  prefix: string;
}

/** The @name the caret is at the end of, if it is at one. */
export function mentionAt(draft: string, caret: number): MentionTyped | null {
  const typed = new RegExp(String.raw`(?<![\p{L}\p{Nd}._@-])@(${NAME_CHARACTER}{0,32})$`, 'u').exec(
    draft.slice(0, caret),
  );
  return typed ? { start: typed.index, prefix: typed[1] } : null;
}

/** The draft with the @name being typed completed to {@code username}, and where the caret goes. */
export function completeMention(
  draft: string,
  caret: number,
  typed: MentionTyped,
  username: string,
): { draft: string; caret: number } {
  const completed = `@${username} `;
  const after = draft.slice(caret).replace(/^\S*\s?/u, '');
  return {
    draft: draft.slice(0, typed.start) + completed + after,
    caret: typed.start + completed.length,
  };
}

/** The members whose names start with what was typed, the closest first, at most {@code most}. */
export function membersMatching<T extends Mentioned>(members: T[], prefix: string, most = 8): T[] {
  const typed = prefix.toLowerCase();
  return members
    .filter((member) => member.username.toLowerCase().startsWith(typed))
    .sort(
      (one, other) =>
        one.username.length - other.username.length || one.username.localeCompare(other.username),
    )
    .slice(0, most);
}

import { Segment } from './mentions';

/** A web address as written in a message, up to the first space; what ends it is trimmed off. */
const ADDRESS = /\bhttps?:\/\/[^\s<>"]+/giu;

/** What ends a sentence rather than an address. */
const TRAILING = /[.,;:!?'»]+$/u;

/**
 * The segments with each http or https address in their plain text made a link of its own. The
 * punctuation after an address, and a closing parenthesis that opens nowhere in it, stay text.
 */
export function withLinks(segments: Segment[]): Segment[] {
  return segments.flatMap((segment) =>
    segment.mention || segment.href ? [segment] : linked(segment.text),
  );
}

function linked(text: string): Segment[] {
  const pieces: Segment[] = [];
  let from = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const address = trimmed(match[0]);
    const href = webAddress(address);
    if (!href) {
      continue;
    }
    if (match.index > from) {
      pieces.push({ text: text.slice(from, match.index) });
    }
    pieces.push({ text: address, href });
    from = match.index + address.length;
  }
  if (from < text.length || pieces.length === 0) {
    pieces.push({ text: text.slice(from) });
  }
  return pieces;
}

function trimmed(address: string): string {
  let end = address.replace(TRAILING, '');
  while (end.endsWith(')') && count(end, '(') < count(end, ')')) {
    end = end.slice(0, -1).replace(TRAILING, '');
  }
  return end;
}

function count(text: string, character: string): number {
  return text.split(character).length - 1;
}

/** The address as a browser reads it, when it is one of the web (http or https), or undefined. */
function webAddress(address: string): string | undefined {
  try {
    const url = new URL(address);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

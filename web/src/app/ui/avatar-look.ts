/**
 * Backgrounds an avatar's initials may have: each holds white text at a contrast of at least 4.5:1,
 * on a light page as on a dark one.
 */
export const AVATAR_COLOURS = [
  '#b42318',
  '#c2410c',
  '#a15c07',
  '#3f7a0f',
  '#15803d',
  '#0f766e',
  '#0e7490',
  '#1d4ed8',
  '#4f46e5',
  '#6d28d9',
  '#a21caf',
  '#be185d',
];

/** Up to two initials of a name: its first two words' first letters, or its first letter. */
export function initials(name: string): string {
  const words = name.split(/[\s._-]+/u).filter((word) => word !== '');
  const letters = words.slice(0, 2).map((word) => [...word][0]);
  return letters.join('').toUpperCase() || '?';
}

/** The colour of a user's avatar: always the same for one user id, spread over the palette. */
export function avatarColour(userId: string): string {
  let hash = 0;
  for (const character of userId) {
    hash = (hash * 31 + character.codePointAt(0)!) >>> 0;
  }
  return AVATAR_COLOURS[hash % AVATAR_COLOURS.length];
}

/** A new message's id as the original ChatQL client made it: `<ISO-8601 date>_<uuid v4>`. */
export function newMessageId(now: Date = new Date()): string {
  return `${now.toISOString()}_${crypto.randomUUID()}`;
}

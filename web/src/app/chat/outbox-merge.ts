import { Message } from './messages';
import { OutgoingMessage, asMessage } from './outbox';

/**
 * The stored messages, given newest first, shown oldest first, then those still waiting to be
 * sent. A waiting message the server has stored already shows once, as stored.
 */
export function withWaiting(newestFirst: Message[], waiting: OutgoingMessage[]): Message[] {
  const stored = [...newestFirst].reverse();
  const storedIds = new Set(stored.map((message) => message.id));
  return stored.concat(waiting.filter((message) => !storedIds.has(message.id)).map(asMessage));
}

/** Why the server refused each waiting message it refused, by the message's id. */
export function refusalsOf(waiting: OutgoingMessage[]): Map<string, string> {
  return new Map(
    waiting.flatMap((message) => (message.refusal ? [[message.id, message.refusal]] : [])),
  );
}

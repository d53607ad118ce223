import { Message } from './messages';
import { MessageChange, OutboxItem, OutgoingMessage, asMessage, isChange } from './outbox';

/** How many names a reaction shows, as the server gives them. */
const NAMES_SHOWN = 5;

/**
 * The stored messages, given newest first, shown oldest first, then those still waiting to be
 * sent, each as the changes still waiting make it. A waiting message the server has stored already
 * shows once, as stored.
 */
export function withWaiting(newestFirst: Message[], waiting: OutboxItem[]): Message[] {
  const stored = [...newestFirst].reverse();
  const storedIds = new Set(stored.map((message) => message.id));
  const unsent = waiting
    .filter((item): item is OutgoingMessage => !isChange(item) && !storedIds.has(item.id))
    .map(asMessage);
  return withPending(stored.concat(unsent), waiting.filter(isChange));
}

/**
 * The messages as they will be once the changes waiting are made, in the order they were made; a
 * change the server refused is none.
 */
export function withPending(messages: Message[], changes: MessageChange[]): Message[] {
  const pending = changes.filter((change) => !change.refusal);
  if (pending.length === 0) {
    return messages;
  }
  return messages.map((message) =>
    pending.filter((change) => change.messageId === message.id).reduce(changed, message),
  );
}

function changed(message: Message, change: MessageChange): Message {
  if (message.deleted) {
    return message;
  }
  const value = change.value ?? '';
  switch (change.kind) {
    case 'edit':
      return { ...message, content: value, editedAt: change.madeAt };
    case 'delete':
      return { ...message, content: '', deleted: true, mentions: [], reactions: [] };
    case 'react':
      return { ...message, reactions: withMyReaction(message, value, change.senderName) };
    case 'unreact':
      return { ...message, reactions: withoutMyReaction(message, value, change.senderName) };
  }
}

function withMyReaction(message: Message, emoji: string, me: string): Message['reactions'] {
  const known = message.reactions.find((reaction) => reaction.emoji === emoji);
  if (!known) {
    return [
      ...message.reactions,
      { __typename: 'Reaction', emoji, count: 1, reactedByMe: true, names: [me] },
    ];
  }
  if (known.reactedByMe) {
    return message.reactions;
  }
  return message.reactions.map((reaction) =>
    reaction === known
      ? {
          ...reaction,
          count: reaction.count + 1,
          reactedByMe: true,
          names: [...reaction.names, me].slice(0, NAMES_SHOWN),
        }
      : reaction,
  );
}

function withoutMyReaction(message: Message, emoji: string, me: string): Message['reactions'] {
  return message.reactions.flatMap((reaction) => {
    if (reaction.emoji !== emoji || !reaction.reactedByMe) {
      return [reaction];
    }
    if (reaction.count <= 1) {
      return [];
    }
    return [
      {
        ...reaction,
        count: reaction.count - 1,
        reactedByMe: false,
        names: reaction.names.filter((name) => name !== me),
      },
    ];
  });
}

/** A refusal of the server, and the id of the message or change it refused, to discard it by. */
export interface Refusal {
  id: string;
  reason: string;
}

/**
 * Why the server refused each waiting message or change it refused, by the id of the message
 * concerned; the latest when it refused several about one message.
 */
export function refusalsOf(waiting: OutboxItem[]): Map<string, Refusal> {
  return new Map(
    waiting.flatMap((item) =>
      item.refusal
        ? [[isChange(item) ? item.messageId : item.id, { id: item.id, reason: item.refusal }]]
        : [],
    ),
  );
}

import { ConversationEvent, Message } from './messages';

/** A message of conversation c1 as the server stores and returns it, from alice unless told. */
export function storedMessage(id: string, sender = { id: 'u1', username: 'alice' }): Message {
  return {
    __typename: 'Message',
    id,
    conversationId: 'c1',
    content: `content of ${id}`,
    createdAt: '2026-11-25T10:00:00.000Z',
    sender: sender.id,
    isSent: true,
    author: { __typename: 'User', ...sender },
    editedAt: null,
    deleted: false,
    timelinePosition: id.replace(/\D/g, '') || '1',
    authorBlocked: false,
    mentions: [],
    reactions: [],
    replyTo: null,
  };
}

/** An event of conversation c1's timeline at {@code position}. */
export function timelineEvent(
  position: string,
  kind: ConversationEvent['kind'],
  message: Message | null,
): ConversationEvent {
  return { __typename: 'ConversationEvent', position, kind, message };
}

import { ConversationEvent, Message } from './messages';
import { MessageChange } from './outbox';

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
    seenBy: { __typename: 'SeenBy', count: 0, users: [] },
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

/** A change alice made to message {@code messageId} of c1, waiting, or refused for {@code refusal}. */
export function waitingChange(
  kind: MessageChange['kind'],
  messageId: string,
  value?: string,
  refusal?: string,
): MessageChange {
  return {
    kind,
    id: `${kind} of ${messageId}`,
    conversationId: 'c1',
    messageId,
    sender: 'u1',
    senderName: 'alice',
    madeAt: '2026-11-25T10:02:00.000Z',
    ...(value === undefined ? {} : { value }),
    ...(refusal ? { refusal } : {}),
  };
}

import { Message } from './messages';

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
  };
}

import { ShownMessage, firstUnread } from './new-messages';

const mine = (id: string): ShownMessage => ({ id, sender: 'u1', deleted: false, isSent: true });
const theirs = (id: string, deleted = false): ShownMessage => ({
  id,
  sender: 'u2',
  deleted,
  isSent: true,
});

describe('firstUnread', () => {
  const messages = [theirs('m1'), mine('m2'), theirs('m3'), theirs('m4', true), theirs('m5')];

  it('is nowhere when nothing was unread', () => {
    expect(firstUnread(messages, { lastReadMessageId: 'm5', unreadCount: 0 }, 'u1')).toBeNull();
  });

  it("is the first of someone else's messages after my marker", () => {
    expect(firstUnread(messages, { lastReadMessageId: 'm1', unreadCount: 2 }, 'u1')).toBe('m3');
  });

  it('counts the unread messages back from the newest when the marker is not shown', () => {
    expect(firstUnread(messages, { lastReadMessageId: 'm0', unreadCount: 2 }, 'u1')).toBe('m3');
    expect(firstUnread(messages, { lastReadMessageId: null, unreadCount: 1 }, 'u1')).toBe('m5');
  });

  it('is the oldest shown of the others when more are unread than shown', () => {
    expect(firstUnread(messages, { lastReadMessageId: null, unreadCount: 9 }, 'u1')).toBe('m1');
  });
});

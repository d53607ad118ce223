import { laterPosition, withEvent } from './messages';
import { GetConversationMessagesQuery } from './messages.generated';
import { Message } from './messages';
import { storedMessage, timelineEvent } from './stored-message.testing';

function page(...messages: Message[]): GetConversationMessagesQuery {
  return {
    allMessageConnection: { __typename: 'MessageConnection', nextToken: 't1', messages },
  };
}

describe('withEvent', () => {
  it('adds a created message as the newest, keeping where older pages go on', () => {
    const after = withEvent(
      page(storedMessage('m1')),
      timelineEvent('2', 'MESSAGE_CREATED', storedMessage('m2')),
    );

    expect(after).toEqual(page(storedMessage('m2'), storedMessage('m1')));
  });

  it('shows a deleted message as its tombstone where it was', () => {
    const tombstone = { ...storedMessage('m1'), content: '', deleted: true };

    const after = withEvent(
      page(storedMessage('m2'), storedMessage('m1')),
      timelineEvent('3', 'MESSAGE_DELETED', tombstone),
    );

    expect(after).toEqual(page(storedMessage('m2'), tombstone));
  });

  it('leaves the page as it is for a change to a message it does not hold', () => {
    const before = page(storedMessage('m2'));

    const after = withEvent(before, timelineEvent('3', 'REACTIONS_CHANGED', storedMessage('m1')));

    expect(after).toBe(before);
  });
});

describe('laterPosition', () => {
  it('compares positions as numbers, the beginning before any', () => {
    expect(laterPosition('9', '10')).toBe('10');
    expect(laterPosition('12', '3')).toBe('12');
    expect(laterPosition('', '1')).toBe('1');
  });

  it('takes the one known when the other is none', () => {
    expect(laterPosition(null, '4')).toBe('4');
    expect(laterPosition('', null)).toBe('');
    expect(laterPosition(null, null)).toBeNull();
  });
});

import { storedMessage } from './stored-message.testing';
import { Message } from './messages';
import { dayLabel, timeline } from './timeline';

const BOB = { id: 'u2', username: 'bob' };

function at(id: string, date: Date, sender?: { id: string; username: string }): Message {
  return { ...storedMessage(id, sender), createdAt: date.toISOString() };
}

describe('timeline', () => {
  const now = new Date(2026, 10, 25, 12, 0);

  it('groups one author’s messages in a row, a few minutes apart', () => {
    const entries = timeline(
      [
        at('m1', new Date(2026, 10, 25, 9, 0)),
        at('m2', new Date(2026, 10, 25, 9, 2)),
        at('m3', new Date(2026, 10, 25, 9, 3), BOB),
        at('m4', new Date(2026, 10, 25, 9, 4)),
        at('m5', new Date(2026, 10, 25, 9, 20)),
      ],
      now,
    );

    expect(entries.map((entry) => entry.groupStart)).toEqual([true, false, true, true, true]);
  });

  it('names the day before its first message', () => {
    const entries = timeline(
      [
        at('m1', new Date(2026, 10, 20, 18, 0)),
        at('m2', new Date(2026, 10, 24, 23, 58)),
        at('m3', new Date(2026, 10, 25, 0, 1)),
        at('m4', new Date(2026, 10, 25, 0, 2)),
      ],
      now,
    );

    expect(entries.map((entry) => entry.day)).toEqual([
      'Friday, November 20',
      'Yesterday',
      'Today',
      undefined,
    ]);
    expect(entries[2].groupStart).toBe(true);
  });

  it('keeps a message without a date in the day and group of the one before', () => {
    const undated = { ...storedMessage('m2'), createdAt: null };
    const entries = timeline([at('m1', new Date(2026, 10, 25, 9, 0)), undated], now);

    expect(entries[1]).toEqual({ message: undated, groupStart: true });
  });

  it('lays out no message as nothing', () => {
    expect(timeline([], now)).toEqual([]);
  });
});

describe('dayLabel', () => {
  it('gives the year of a day of another year', () => {
    expect(dayLabel(new Date(2025, 11, 31, 22, 0), new Date(2026, 0, 2, 8, 0))).toBe(
      'December 31, 2025',
    );
  });
});

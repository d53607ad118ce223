import { relativeTime } from './relative-time';

describe('relativeTime', () => {
  const now = new Date('2026-11-25T12:00:00Z');

  it('says just now for the last minute', () => {
    expect(relativeTime('2026-11-25T11:59:31Z', now)).toBe('just now');
  });

  it('counts minutes, hours and days ago', () => {
    expect(relativeTime('2026-11-25T11:57:00Z', now)).toBe('3 minutes ago');
    expect(relativeTime('2026-11-25T10:00:00Z', now)).toBe('2 hours ago');
    expect(relativeTime('2026-11-24T12:00:00Z', now)).toBe('yesterday');
  });

  it('shows nothing for a missing or unreadable date', () => {
    expect(relativeTime(null, now)).toBe('');
    expect(relativeTime('not a date', now)).toBe('');
  });
});

import { presenceLabel } from './presence-label';

describe('presenceLabel', () => {
  const now = new Date('2026-12-07T12:00:00Z');

  it('tells who is online, or away', () => {
    expect(presenceLabel({ status: 'ONLINE', lastSeenAt: null }, now)).toBe('online');
    expect(presenceLabel({ status: 'AWAY', lastSeenAt: null }, now)).toBe('away');
  });

  it('tells when someone offline was last seen', () => {
    expect(presenceLabel({ status: 'OFFLINE', lastSeenAt: '2026-12-07T11:55:00Z' }, now)).toBe(
      'last seen 5 minutes ago',
    );
  });

  it('tells only that someone is offline when they hide when they were last seen', () => {
    expect(presenceLabel({ status: 'OFFLINE', lastSeenAt: null }, now)).toBe('offline');
  });
});

import { relativeTime } from '../chat/relative-time';
import { PresenceFieldsFragment } from './presence.generated';

/** Whether someone is there, as the server tells it. */
export type Presence = Pick<PresenceFieldsFragment, 'status' | 'lastSeenAt'>;

/** "online", "away", "last seen 5 minutes ago", or "offline" when they hide when, or were never seen. */
export function presenceLabel(presence: Presence, now: Date): string {
  switch (presence.status) {
    case 'ONLINE':
      return 'online';
    case 'AWAY':
      return 'away';
    case 'OFFLINE':
      return presence.lastSeenAt
        ? `last seen ${relativeTime(presence.lastSeenAt, now)}`
        : 'offline';
  }
}

import { Pipe, PipeTransform } from '@angular/core';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

const FORMAT = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "3 minutes ago", "yesterday", "just now": how long ago {@code iso} was, seen from {@code now}. */
export function relativeTime(iso: string | null | undefined, now: Date = new Date()): string {
  const time = iso ? Date.parse(iso) : NaN;
  if (Number.isNaN(time)) {
    return '';
  }
  const seconds = Math.round((time - now.getTime()) / 1000);
  for (const [unit, length] of UNITS) {
    if (Math.abs(seconds) >= length) {
      return FORMAT.format(Math.trunc(seconds / length), unit);
    }
  }
  return 'just now';
}

/** The template form of {@link relativeTime}. */
@Pipe({ name: 'relativeTime' })
export class RelativeTimePipe implements PipeTransform {
  transform(iso: string | null | undefined, now?: Date): string {
    return relativeTime(iso, now);
  }
}

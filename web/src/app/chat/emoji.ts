import { Injectable, computed, signal } from '@angular/core';

/** The reactions offered before any was used. */
export const COMMON_EMOJI = ['👍', '❤️', '😂', '😮', '😢', '🎉', '🙏', '👀', '✅', '🔥'];

/** How many emoji the picker offers. */
const OFFERED = 12;

const RECENT_KEY = 'recent-emoji';

/**
 * The emoji offered to react with: those this browser used last, the latest first, then the
 * common ones.
 */
@Injectable({ providedIn: 'root' })
export class ReactionChoices {
  private readonly recent = signal<string[]>(read());

  readonly offered = computed(() => offered(this.recent()));

  /** Notes that {@code emoji} was just reacted with. */
  used(emoji: string): void {
    const recent = [emoji, ...this.recent().filter((known) => known !== emoji)].slice(0, OFFERED);
    this.recent.set(recent);
    try {
      localStorage.setItem(RECENT_KEY, JSON.stringify(recent));
    } catch {
      // Without storage the recent ones last as long as the page.
    }
  }
}

/** The recent emoji, the latest first, then the common ones not among them, {@link OFFERED} in all. */
export function offered(recent: string[]): string[] {
  return [...new Set([...recent, ...COMMON_EMOJI])].slice(0, OFFERED);
}

function read(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(stored) ? stored.filter((emoji) => typeof emoji === 'string') : [];
  } catch {
    return [];
  }
}

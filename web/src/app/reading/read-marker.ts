/** The server is told what I read at most this often. */
export const MARK_READ_EVERY_MS = 1_000;

/** A stored message as far as reading goes: its id and its position in the timeline. */
export interface ReadableMessage {
  id: string;
  timelinePosition: string;
}

/**
 * My read marker in one conversation, moved as I see messages: {@code mark} tells the server the
 * newest I have seen, as soon as the messages seen together are in, then at most once a second
 * while I read on, and never one older than a message it told before. A mark that fails (offline,
 * for example) is sent again with the next message seen, or when {@link retry} is called.
 */
export class ReadMarker {
  private newest: ReadableMessage | null = null;
  /** The position of the newest message told, or being told, to the server. */
  private told: bigint | null = null;
  private lastToldAt = Number.NEGATIVE_INFINITY;
  private next?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly mark: (messageId: string) => Promise<unknown>,
    private readonly now: () => number = Date.now,
  ) {}

  /** I saw {@code message}. */
  seen(message: ReadableMessage): void {
    if (this.newest === null || position(message) > position(this.newest)) {
      this.newest = message;
    }
    this.tellSoon();
  }

  /** Tells again what a failed mark could not. */
  retry(): void {
    this.tellSoon();
  }

  /** Tells at once what waits for its turn, as when I leave the conversation. */
  flush(): void {
    clearTimeout(this.next);
    this.next = undefined;
    this.tell();
  }

  private tellSoon(): void {
    if (this.next !== undefined) {
      return;
    }
    // Told in a task of its own, once all the messages seen together are in.
    const wait = Math.max(0, this.lastToldAt + MARK_READ_EVERY_MS - this.now());
    this.next = setTimeout(() => {
      this.next = undefined;
      this.tell();
    }, wait);
  }

  private tell(): void {
    const newest = this.newest;
    if (newest === null || (this.told !== null && position(newest) <= this.told)) {
      return;
    }
    const before = this.told;
    this.told = position(newest);
    this.lastToldAt = this.now();
    this.mark(newest.id).catch(() => {
      if (this.told === position(newest)) {
        this.told = before;
      }
    });
  }
}

function position(message: ReadableMessage): bigint {
  return BigInt(message.timelinePosition || '0');
}

/** While the user types, the server is told so at most this often; it forgets a typist after 6 s. */
export const TYPING_SIGNAL_MS = 3_000;

/**
 * Tells the server, through {@code send}, that the user types in a conversation: at once when they
 * start, then at most once every 3 s while they go on, and once that they stopped, when they send,
 * clear the box, leave it or the conversation.
 */
export class TypingSignal {
  /** When the last signal that the user types was sent; null while they do not type. */
  private signalledAt: number | null = null;

  constructor(
    private readonly send: (typing: boolean) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** The user typed. */
  typed(): void {
    const now = this.now();
    if (this.signalledAt === null || now - this.signalledAt >= TYPING_SIGNAL_MS) {
      this.signalledAt = now;
      this.send(true);
    }
  }

  /** The user stopped typing: told once, if they were. */
  stopped(): void {
    if (this.signalledAt !== null) {
      this.signalledAt = null;
      this.send(false);
    }
  }
}

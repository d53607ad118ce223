/** Without input for this long, the user is idle. */
export const IDLE_AFTER_MS = 5 * 60_000;

/**
 * Whether the user is idle: away once 5 minutes passed without their input, back at the next. Each
 * change is told once to {@code report}.
 */
export class Idleness {
  private lastInput: number;
  private away = false;

  constructor(
    private readonly report: (away: boolean) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.lastInput = now();
  }

  /** The user did something: typed, pointed, scrolled, or came back to the tab. */
  input(): void {
    this.lastInput = this.now();
    if (this.away) {
      this.away = false;
      this.report(false);
    }
  }

  /** Time passed: the user is away if long enough passed since their last input. */
  check(): void {
    if (!this.away && this.now() - this.lastInput >= IDLE_AFTER_MS) {
      this.away = true;
      this.report(true);
    }
  }

  /** Tells again that the user is away, if they are, as to a server that met them anew. */
  repeat(): void {
    if (this.away) {
      this.report(true);
    }
  }
}

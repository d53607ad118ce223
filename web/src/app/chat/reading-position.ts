/** Within this many pixels of an end of the list, the reader is at that end. */
const AT_END_PX = 40;

/** The scrolling list of a conversation's messages, as far as keeping the reading position goes. */
export type MessageList = Pick<HTMLElement, 'scrollTop' | 'scrollHeight' | 'clientHeight'>;

/**
 * Where the reader of a conversation is: at the newest message, which the list then follows as new
 * ones come in, or somewhere above it, where the list stays put; and, while older messages are
 * fetched, how far from the bottom the ones being read were, so that they stay in place when the
 * older ones come in above them.
 */
export class ReadingPosition {
  private distanceFromBottom: number | null = null;
  private renderedCount = 0;
  private atNewest = true;

  constructor(private readonly list: () => MessageList) {}

  /** After each render of the list, now of {@code rendered} messages: holds or follows. */
  rendered(rendered: number): void {
    const list = this.list();
    if (this.distanceFromBottom !== null) {
      if (rendered !== this.renderedCount) {
        // Older messages came in above: the ones being read stay where they were.
        list.scrollTop = list.scrollHeight - this.distanceFromBottom;
        this.distanceFromBottom = null;
      }
    } else if (this.atNewest) {
      list.scrollTop = list.scrollHeight;
    }
    this.renderedCount = rendered;
  }

  /** Whether the list shows all its messages, with nothing to scroll up to. */
  fits(): boolean {
    const list = this.list();
    return list.scrollHeight <= list.clientHeight;
  }

  /** Notes where the reader scrolled to; true when that is the top, where older messages load. */
  scrolled(): boolean {
    const list = this.list();
    this.atNewest = list.scrollHeight - list.scrollTop - list.clientHeight < AT_END_PX;
    return list.scrollTop < AT_END_PX;
  }

  /** Older messages are on their way: the ones being read are to stay in place when they come. */
  holdForOlder(): void {
    const list = this.list();
    this.distanceFromBottom = list.scrollHeight - list.scrollTop;
  }

  /** No older messages came after all. */
  release(): void {
    this.distanceFromBottom = null;
  }

  /** Follows the newest messages again, as after the reader sends one. */
  followNewest(): void {
    this.atNewest = true;
  }
}

import { ReadingPosition } from './reading-position';

interface FakeList {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}

/** A list 500 px high, scrolled to the bottom of its {@code scrollHeight}. */
function listOf(scrollHeight: number): FakeList {
  return { scrollHeight, clientHeight: 500, scrollTop: scrollHeight - 500 };
}

describe('ReadingPosition', () => {
  it('follows the newest message while the reader is at it', () => {
    const list = listOf(1_000);
    const position = new ReadingPosition(() => list);

    list.scrollHeight = 1_200;
    position.rendered(11);

    expect(list.scrollTop).toBe(1_200);
  });

  it('stays where the reader scrolled up to when new messages come in', () => {
    const list = listOf(1_000);
    const position = new ReadingPosition(() => list);
    list.scrollTop = 300;
    position.scrolled();

    list.scrollHeight = 1_200;
    position.rendered(11);

    expect(list.scrollTop).toBe(300);
  });

  it('follows the newest message again once the reader sends one', () => {
    const list = listOf(1_000);
    const position = new ReadingPosition(() => list);
    list.scrollTop = 300;
    position.scrolled();

    position.followNewest();
    list.scrollHeight = 1_200;
    position.rendered(11);

    expect(list.scrollTop).toBe(1_200);
  });

  it('keeps the messages being read in place when older ones come in above them', () => {
    const list = listOf(1_000);
    const position = new ReadingPosition(() => list);
    position.rendered(10);
    list.scrollTop = 20;
    position.scrolled();

    position.holdForOlder();
    position.rendered(10);
    expect(list.scrollTop).toBe(20);

    list.scrollHeight = 1_600;
    position.rendered(20);
    expect(list.scrollTop).toBe(620);
  });

  it('lets go of the held place when no older messages came', () => {
    const list = listOf(1_000);
    const position = new ReadingPosition(() => list);
    position.rendered(10);
    position.holdForOlder();

    position.release();
    list.scrollHeight = 1_200;
    position.rendered(11);

    expect(list.scrollTop).toBe(1_200);
  });

  it('says when the reader has scrolled to the top, where older messages load', () => {
    const list = listOf(1_000);
    const position = new ReadingPosition(() => list);

    list.scrollTop = 100;
    expect(position.scrolled()).toBe(false);
    list.scrollTop = 39;
    expect(position.scrolled()).toBe(true);
  });

  it('says when the list shows all its messages, with nothing to scroll up to', () => {
    expect(new ReadingPosition(() => listOf(500)).fits()).toBe(true);
    expect(new ReadingPosition(() => listOf(501)).fits()).toBe(false);
  });
});

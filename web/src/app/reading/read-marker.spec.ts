import { MARK_READ_EVERY_MS, ReadMarker } from './read-marker';

function markerTelling(outcome: () => Promise<unknown> = () => Promise.resolve()) {
  const marked: string[] = [];
  const readMarker = new ReadMarker(
    (messageId) => {
      marked.push(messageId);
      return outcome();
    },
    () => Date.now(),
  );
  return { marked, marker: readMarker };
}

const message = (position: number) => ({ id: `m${position}`, timelinePosition: String(position) });

describe('ReadMarker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('marks the newest of the messages first seen together, at once', () => {
    const { marked, marker } = markerTelling();

    marker.seen(message(3));
    marker.seen(message(4));
    vi.advanceTimersByTime(0);

    expect(marked).toEqual(['m4']);
  });

  it('marks the newest of the messages seen meanwhile once a second has passed', () => {
    const { marked, marker } = markerTelling();

    marker.seen(message(3));
    vi.advanceTimersByTime(0);
    marker.seen(message(5));
    marker.seen(message(4));
    vi.advanceTimersByTime(MARK_READ_EVERY_MS - 1);
    expect(marked).toEqual(['m3']);
    vi.advanceTimersByTime(1);

    expect(marked).toEqual(['m3', 'm5']);
  });

  it('never marks a message older than one it marked', () => {
    const { marked, marker } = markerTelling();

    marker.seen(message(5));
    vi.advanceTimersByTime(0);
    marker.seen(message(2));
    vi.advanceTimersByTime(MARK_READ_EVERY_MS);

    expect(marked).toEqual(['m5']);
  });

  it('marks again, when told to, what a failed mark could not', async () => {
    let fails = true;
    const { marked, marker } = markerTelling(() =>
      fails ? Promise.reject(new Error('offline')) : Promise.resolve(),
    );

    marker.seen(message(5));
    await vi.advanceTimersByTimeAsync(0);
    fails = false;
    marker.retry();
    vi.advanceTimersByTime(MARK_READ_EVERY_MS);

    expect(marked).toEqual(['m5', 'm5']);
  });

  it('marks what waits for its turn at once when flushed, and only once', () => {
    const { marked, marker } = markerTelling();

    marker.seen(message(1));
    vi.advanceTimersByTime(0);
    marker.seen(message(2));
    marker.flush();
    vi.advanceTimersByTime(MARK_READ_EVERY_MS);

    expect(marked).toEqual(['m1', 'm2']);
  });
});

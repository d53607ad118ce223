import { IDLE_AFTER_MS, Idleness } from './idleness';

function idleness() {
  const reported: boolean[] = [];
  const clock = { now: 0 };
  const idle = new Idleness(
    (away) => reported.push(away),
    () => clock.now,
  );
  return { reported, clock, idle };
}

describe('Idleness', () => {
  it('reports the user away once, 5 minutes after their last input', () => {
    const { reported, clock, idle } = idleness();

    clock.now = 60_000;
    idle.input();
    clock.now = 60_000 + IDLE_AFTER_MS - 1;
    idle.check();
    expect(reported).toEqual([]);
    clock.now = 60_000 + IDLE_AFTER_MS;
    idle.check();
    idle.check();

    expect(reported).toEqual([true]);
  });

  it('reports the user back at their next input, once', () => {
    const { reported, clock, idle } = idleness();

    clock.now = IDLE_AFTER_MS;
    idle.check();
    idle.input();
    idle.input();

    expect(reported).toEqual([true, false]);
  });

  it('tells again only that the user is away', () => {
    const { reported, clock, idle } = idleness();

    idle.repeat();
    clock.now = IDLE_AFTER_MS;
    idle.check();
    idle.repeat();

    expect(reported).toEqual([true, true]);
  });
});

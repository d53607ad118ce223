import { TYPING_SIGNAL_MS, TypingSignal } from './typing-signal';

function signal() {
  const sent: boolean[] = [];
  const clock = { now: 0 };
  const typing = new TypingSignal(
    (typing) => sent.push(typing),
    () => clock.now,
  );
  return { sent, clock, typing };
}

describe('TypingSignal', () => {
  it('tells at once that the user types, then at most once every 3 s', () => {
    const { sent, clock, typing } = signal();

    typing.typed();
    clock.now = 1_000;
    typing.typed();
    clock.now = TYPING_SIGNAL_MS - 1;
    typing.typed();
    clock.now = TYPING_SIGNAL_MS;
    typing.typed();

    expect(sent).toEqual([true, true]);
  });

  it('tells once that the user stopped, and only if they typed', () => {
    const { sent, typing } = signal();

    typing.stopped();
    typing.typed();
    typing.stopped();
    typing.stopped();

    expect(sent).toEqual([true, false]);
  });

  it('tells at once that the user types again after they stopped', () => {
    const { sent, clock, typing } = signal();

    typing.typed();
    typing.stopped();
    clock.now = 500;
    typing.typed();

    expect(sent).toEqual([true, false, true]);
  });
});

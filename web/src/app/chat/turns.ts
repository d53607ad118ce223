import { DestroyRef, Injector, Signal, afterNextRender, inject, signal } from '@angular/core';

/**
 * A count that goes up by one after each render, in a task of its own, from 0 to {@code last}. The
 * parts of a screen that show from their turn on render one after the other in short tasks, between
 * which the browser paints and answers the user, rather than all in one long task that keeps a slow
 * phone from answering. Call it where {@code inject} works, as in a constructor.
 */
export function turns(last: number): Signal<number> {
  const turn = signal(0);
  const injector = inject(Injector);
  let next: ReturnType<typeof setTimeout> | undefined;
  const afterRender = () =>
    afterNextRender(
      () => {
        next = setTimeout(() => {
          turn.update((current) => current + 1);
          if (turn() < last) {
            afterRender();
          }
        });
      },
      { injector },
    );
  if (last > 0) {
    afterRender();
  }
  inject(DestroyRef).onDestroy(() => clearTimeout(next));
  return turn.asReadonly();
}

import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { turns } from './turns';

@Component({
  template: `
    <p>first</p>
    @if (turn() >= 1) {
      <p>second</p>
    }
    @if (turn() >= 2) {
      <p>third</p>
    }
  `,
})
class Staggered {
  readonly turn = turns(2);
}

/** The next task, once the timers queued so far have run. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve));

describe('turns', () => {
  it('renders each part in a task of its own after the render before it', async () => {
    const fixture = TestBed.createComponent(Staggered);
    const shown = () =>
      [...fixture.nativeElement.querySelectorAll('p')].map((p: Element) => p.textContent);

    await fixture.whenStable();
    expect(shown()).toEqual(['first']);

    await nextTask();
    await fixture.whenStable();
    expect(shown()).toEqual(['first', 'second']);

    await nextTask();
    await fixture.whenStable();
    expect(shown()).toEqual(['first', 'second', 'third']);

    await nextTask();
    await fixture.whenStable();
    expect(fixture.componentInstance.turn()).toBe(2);
  });
});

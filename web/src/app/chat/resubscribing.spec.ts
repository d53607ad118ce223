import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { CombinedGraphQLErrors } from '@apollo/client';
import { FIRST_WAIT_MS, LONGEST_WAIT_MS, resubscribing } from './resubscribing';

@Component({ template: '' })
class Follower {
  follows = 0;
  readonly live = resubscribing(() => this.follows++);
}

describe('resubscribing', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('follows again after an error, waiting twice as long after each error in a row', () => {
    const follower = TestBed.createComponent(Follower).componentInstance;

    follower.live.failed(new Error('fell too far behind'));
    vi.advanceTimersByTime(FIRST_WAIT_MS - 1);
    expect(follower.follows).toBe(0);
    vi.advanceTimersByTime(1);
    expect(follower.follows).toBe(1);

    follower.live.failed(new Error('fell too far behind'));
    vi.advanceTimersByTime(FIRST_WAIT_MS);
    expect(follower.follows).toBe(1);
    vi.advanceTimersByTime(FIRST_WAIT_MS);
    expect(follower.follows).toBe(2);
  });

  it('waits 30 s at most', () => {
    const follower = TestBed.createComponent(Follower).componentInstance;
    for (let error = 0; error < 10; error++) {
      follower.live.failed(new Error('fell too far behind'));
      vi.runOnlyPendingTimers();
    }

    follower.live.failed(new Error('fell too far behind'));
    vi.advanceTimersByTime(LONGEST_WAIT_MS);
    expect(follower.follows).toBe(11);
  });

  it('waits the first time again once an event arrived', () => {
    const follower = TestBed.createComponent(Follower).componentInstance;
    follower.live.failed(new Error('fell too far behind'));
    vi.runOnlyPendingTimers();

    follower.live.received();
    follower.live.failed(new Error('fell too far behind'));
    vi.advanceTimersByTime(FIRST_WAIT_MS);
    expect(follower.follows).toBe(2);
  });

  it('does not follow again a subscription the server refuses', () => {
    const follower = TestBed.createComponent(Follower).componentInstance;

    follower.live.failed(serverError('FORBIDDEN'));
    vi.runAllTimers();

    expect(follower.follows).toBe(0);
  });

  it('follows again after an error of the server itself', () => {
    const follower = TestBed.createComponent(Follower).componentInstance;

    follower.live.failed(serverError('INTERNAL_ERROR'));
    vi.runAllTimers();

    expect(follower.follows).toBe(1);
  });

  it('follows no more once the screen is gone', () => {
    const fixture = TestBed.createComponent(Follower);
    fixture.componentInstance.live.failed(new Error('fell too far behind'));

    fixture.destroy();
    vi.runAllTimers();

    expect(fixture.componentInstance.follows).toBe(0);
  });
});

function serverError(classification: string): CombinedGraphQLErrors {
  return new CombinedGraphQLErrors({
    errors: [{ message: 'refused or failed', extensions: { classification } }],
  });
}

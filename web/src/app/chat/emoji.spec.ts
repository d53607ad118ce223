import { TestBed } from '@angular/core/testing';
import { COMMON_EMOJI, ReactionChoices, offered } from './emoji';

describe('offered', () => {
  it('offers the recent emoji first, then the common ones, each once', () => {
    expect(offered(['🦄', '🐙']).slice(0, 4)).toEqual(['🦄', '🐙', '👍', '❤️']);
    expect(offered(['🦄', '🐙'])).toHaveLength(12);
    expect(offered(['🔥'])).toEqual(['🔥', ...COMMON_EMOJI.filter((emoji) => emoji !== '🔥')]);
  });

  it('offers the common ones before any was used', () => {
    expect(offered([])).toEqual(COMMON_EMOJI);
  });
});

describe('ReactionChoices', () => {
  beforeEach(() => localStorage.clear());

  it('remembers the emoji used last across a reload, the latest first', () => {
    TestBed.resetTestingModule();
    const choices = TestBed.inject(ReactionChoices);
    choices.used('🦄');
    choices.used('🔥');
    choices.used('🦄');

    TestBed.resetTestingModule();
    const reloaded = TestBed.inject(ReactionChoices);

    expect(reloaded.offered().slice(0, 3)).toEqual(['🦄', '🔥', '👍']);
  });
});

import { AppBadge, showOnAppBadge, unreadTitle } from './unread-title';

describe('unreadTitle', () => {
  it('puts the number of unread messages before the title', () => {
    expect(unreadTitle('ChatQL', 3)).toBe('(3) ChatQL');
  });

  it('leaves the title as it is when nothing is unread', () => {
    expect(unreadTitle('Conversation · ChatQL', 0)).toBe('Conversation · ChatQL');
  });
});

describe('showOnAppBadge', () => {
  function badge() {
    const shown: (number | 'cleared')[] = [];
    const api: AppBadge = {
      setAppBadge: async (count) => void shown.push(count ?? 0),
      clearAppBadge: async () => void shown.push('cleared'),
    };
    return { shown, api };
  }

  it('shows the count, and clears the badge at 0', () => {
    const { shown, api } = badge();

    showOnAppBadge(4, api);
    showOnAppBadge(0, api);

    expect(shown).toEqual([4, 'cleared']);
  });

  it('does without a browser that has no badge', () => {
    expect(() => showOnAppBadge(2, {})).not.toThrow();
  });

  it('takes a refusal quietly', async () => {
    const refusing: AppBadge = { setAppBadge: () => Promise.reject(new Error('not installed')) };

    showOnAppBadge(1, refusing);
    await Promise.resolve();
  });
});

import { AVATAR_COLOURS, avatarColour, initials } from './avatar-look';

/** The WCAG contrast ratio of white text on {@code hex}. */
function contrastWithWhite(hex: string): number {
  const [red, green, blue] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue;
  return 1.05 / (luminance + 0.05);
}

describe('initials', () => {
  it('takes the first letters of the first two words of a name', () => {
    expect(initials('ada lovelace')).toBe('AL');
    expect(initials('grace.hopper')).toBe('GH');
    expect(initials('linus')).toBe('L');
    expect(initials('émile zola jr')).toBe('ÉZ');
  });

  it('shows a question mark for no name', () => {
    expect(initials('')).toBe('?');
  });
});

describe('avatarColour', () => {
  it('gives one user the same colour each time, and different users different ones', () => {
    expect(avatarColour('user-1')).toBe(avatarColour('user-1'));
    const colours = new Set(['u1', 'u2', 'u3', 'u4', 'u5', 'u6'].map(avatarColour));
    expect(colours.size).toBeGreaterThan(3);
  });

  it('only picks colours white initials are readable on', () => {
    for (const colour of AVATAR_COLOURS) {
      expect(contrastWithWhite(colour), colour).toBeGreaterThanOrEqual(4.5);
    }
  });
});

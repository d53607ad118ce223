import { withLinks } from './links';

describe('withLinks', () => {
  it('makes a link of each web address in the text', () => {
    expect(withLinks([{ text: 'See https://example.com/a?b=1 and http://x.org now' }])).toEqual([
      { text: 'See ' },
      { text: 'https://example.com/a?b=1', href: 'https://example.com/a?b=1' },
      { text: ' and ' },
      { text: 'http://x.org', href: 'http://x.org/' },
      { text: ' now' },
    ]);
  });

  it('leaves the punctuation after an address out of it', () => {
    expect(withLinks([{ text: 'Look (https://example.com/page), it is https://a.io.' }])).toEqual([
      { text: 'Look (' },
      { text: 'https://example.com/page', href: 'https://example.com/page' },
      { text: '), it is ' },
      { text: 'https://a.io', href: 'https://a.io/' },
      { text: '.' },
    ]);
  });

  it('keeps the parentheses an address holds', () => {
    const address = 'https://en.wikipedia.org/wiki/Chat_(software)';
    expect(withLinks([{ text: address }])).toEqual([{ text: address, href: address }]);
  });

  it('links no other scheme', () => {
    const text = 'javascript:alert(1) data:text/html,x ftp://example.com mailto:a@b.c';
    expect(withLinks([{ text }])).toEqual([{ text }]);
  });

  it('leaves mentions as they are, and text without an address whole', () => {
    const mention = { text: '@bob', mention: { id: 'u2', username: 'bob' } };
    expect(withLinks([mention, { text: ' hi\nthere' }])).toEqual([mention, { text: ' hi\nthere' }]);
  });
});

import { mergeConversationPages, mergeMessagePages } from './cache';

const ref = (id: string) => ({ __ref: `Message:${id}` });

describe('mergeMessagePages', () => {
  it('takes the first page as it is', () => {
    const page = { nextToken: 't1', messages: [ref('3'), ref('2')] };

    expect(mergeMessagePages(undefined, page, false)).toEqual(page);
  });

  it('appends an older page at the old end, with its nextToken', () => {
    const merged = mergeMessagePages(
      { nextToken: 't1', messages: [ref('4'), ref('3')] },
      { nextToken: 't2', messages: [ref('2'), ref('1')] },
      true,
    );

    expect(merged).toEqual({ nextToken: 't2', messages: [ref('4'), ref('3'), ref('2'), ref('1')] });
  });

  it('puts newer messages of a refetched first page at the new end, each once, keeping the older pages', () => {
    const merged = mergeMessagePages(
      { nextToken: 't2', messages: [ref('4'), ref('3'), ref('2'), ref('1')] },
      { nextToken: 't9', messages: [ref('6'), ref('5'), ref('4')] },
      false,
    );

    expect(merged).toEqual({
      nextToken: 't2',
      messages: [ref('6'), ref('5'), ref('4'), ref('3'), ref('2'), ref('1')],
    });
  });

  it('starts again from a refetched first page that does not reach the kept messages, leaving no gap', () => {
    const merged = mergeMessagePages(
      { nextToken: null, messages: [ref('16'), ref('15')] },
      { nextToken: 't26', messages: [ref('35'), ref('34'), ref('26')] },
      false,
    );

    expect(merged).toEqual({ nextToken: 't26', messages: [ref('35'), ref('34'), ref('26')] });
  });
});

describe('mergeConversationPages', () => {
  const conversation = (id: string) => ({ __ref: `Conversation:${id}` });

  it('adds the conversations of a further page not listed yet, with its nextToken', () => {
    const merged = mergeConversationPages(
      { nextToken: 't1', conversations: [conversation('c3'), conversation('c2')] },
      { nextToken: 't2', conversations: [conversation('c2'), conversation('c1')] },
      true,
    );

    expect(merged).toEqual({
      nextToken: 't2',
      conversations: [conversation('c3'), conversation('c2'), conversation('c1')],
    });
  });

  it('starts again from the first page fetched anew', () => {
    const first = { nextToken: 't9', conversations: [conversation('c1'), conversation('c3')] };

    expect(
      mergeConversationPages(
        { nextToken: null, conversations: [conversation('c3'), conversation('c2')] },
        first,
        false,
      ),
    ).toEqual(first);
  });
});

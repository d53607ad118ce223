import { newMessageId } from './message-id';

describe('newMessageId', () => {
  it('is the ISO date of now, an underscore and a version 4 UUID, as the original client made it', () => {
    const id = newMessageId(new Date('2026-11-25T10:15:30.123Z'));

    expect(id).toMatch(
      /^2026-11-25T10:15:30\.123Z_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('differs for two messages sent in the same millisecond', () => {
    const now = new Date();

    expect(newMessageId(now)).not.toEqual(newMessageId(now));
  });
});

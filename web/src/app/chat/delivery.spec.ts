import { deliveryOf } from './delivery';
import { storedMessage } from './stored-message.testing';

describe('deliveryOf', () => {
  const waiting = { ...storedMessage('m1'), isSent: false };

  it('tells a message the server stored from one on its way', () => {
    expect(deliveryOf(storedMessage('m1'), false)).toBe('stored');
    expect(deliveryOf(waiting, false)).toBe('sending');
  });

  it('tells a message the server refused', () => {
    expect(deliveryOf(waiting, true)).toBe('refused');
  });

  it('takes a message stored as stored, whatever a change to it waiting met', () => {
    expect(deliveryOf(storedMessage('m1'), true)).toBe('stored');
  });
});

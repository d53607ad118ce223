import { Message } from './messages';

/**
 * How far one of my messages got: waiting in the outbox to reach the server (offline, or on its
 * way), stored by the server, or refused by it and so not sent again unless I ask.
 */
export type Delivery = 'sending' | 'stored' | 'refused';

/** How far {@code message} got; {@code refused} is whether the server refused it. */
export function deliveryOf(message: Message, refused: boolean): Delivery {
  if (message.isSent) {
    return 'stored';
  }
  return refused ? 'refused' : 'sending';
}

/** What a screen reader says of each state, where the eye sees a clock or checks. */
export const DELIVERY_LABEL: Record<Delivery, string> = {
  sending: 'Sending',
  stored: 'Sent',
  refused: 'Not sent',
};

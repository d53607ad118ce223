// What every client script shares: its settings from the environment, and how it reports.
// Each script subscribes to the new messages of CHATQL_CONVERSATION, prints "MESSAGE <id>" for each
// message received (or "MESSAGE <position>" for each event of its timeline), and exits 0 after
// CHATQL_COUNT of them, or 1 on an error or after a minute.

export const settings = {
  httpUrl: process.env.CHATQL_HTTP_URL,
  wsUrl: process.env.CHATQL_WS_URL,
  token: process.env.CHATQL_TOKEN,
  conversationId: process.env.CHATQL_CONVERSATION,
  count: Number(process.env.CHATQL_COUNT ?? '1'),
};

const followed = {
  messages: {
    field: 'subscribeToNewMessage',
    query: `subscription subscribeToNewMessage($conversationId: ID!) {
  subscribeToNewMessage(conversationId: $conversationId) {
    __typename conversationId createdAt id sender content isSent
  }
}`,
  },
  events: {
    field: 'subscribeToConversationEvents',
    query: `subscription subscribeToConversationEvents($conversationId: ID!, $after: String) {
  subscribeToConversationEvents(conversationId: $conversationId, after: $after) {
    __typename conversationId position kind message { id content }
  }
}`,
  },
}[process.env.CHATQL_FOLLOW ?? 'messages'];

// The subscription the script runs: the new messages of the conversation, or, with CHATQL_FOLLOW
// set to "events", its timeline after the position CHATQL_AFTER.
export const subscription = followed.query;

export const variables = { conversationId: settings.conversationId, after: process.env.CHATQL_AFTER };

/** The item of one result of the subscription. */
export function itemOf(data) {
  return data[followed.field];
}

let received = 0;

export function receive(message) {
  if (!message) {
    fail(new Error('received an empty result'));
  }
  console.log(`MESSAGE ${message.id ?? message.position}`);
  received += 1;
  if (received >= settings.count) {
    process.exit(0);
  }
}

export function fail(error) {
  console.log(`ERROR ${error?.message ?? JSON.stringify(error)}`);
  process.exit(1);
}

setTimeout(() => fail(new Error(`only ${received} of ${settings.count} messages within a minute`)), 60_000);

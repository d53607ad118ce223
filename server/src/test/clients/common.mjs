// What every client script shares: its settings from the environment, and how it reports.
// Each script subscribes to the new messages of CHATQL_CONVERSATION, prints "MESSAGE <id>" for each
// message received, and exits 0 after CHATQL_COUNT of them, or 1 on an error or after a minute.

export const settings = {
  httpUrl: process.env.CHATQL_HTTP_URL,
  wsUrl: process.env.CHATQL_WS_URL,
  token: process.env.CHATQL_TOKEN,
  conversationId: process.env.CHATQL_CONVERSATION,
  count: Number(process.env.CHATQL_COUNT ?? '1'),
};

export const subscription = `subscription subscribeToNewMessage($conversationId: ID!) {
  subscribeToNewMessage(conversationId: $conversationId) {
    __typename conversationId createdAt id sender content isSent
  }
}`;

let received = 0;

export function receive(message) {
  if (!message) {
    fail(new Error('received an empty result'));
  }
  console.log(`MESSAGE ${message.id}`);
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

import {
  GetUserConversationConnectionThroughUserQuery,
  SubscribeToNewUCsSubscription,
} from './conversations.generated';

/** My conversations, as getUserConversationConnectionThroughUser answers. */
export type MyConversations = GetUserConversationConnectionThroughUserQuery;

/** One of my conversations, as my conversation list has it. */
export type Membership = NonNullable<SubscribeToNewUCsSubscription['subscribeToNewUCs']>;

/** How many of my conversations the list shows. */
export const MY_CONVERSATIONS_SHOWN = 100;

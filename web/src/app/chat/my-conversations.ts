/** One of my conversations, as MY_CONVERSATIONS lists it. */
export interface Membership {
  userId: string;
  conversationId: string;
  conversation: { id: string; name: string } | null;
}

/** How many of my conversations the list shows. */
export const MY_CONVERSATIONS_SHOWN = 100;

export interface MyConversations {
  me: {
    id: string;
    conversations: { nextToken: string | null; userConversations: Membership[] } | null;
  } | null;
}

/** A message as the client reads it. */
export interface Message {
  __typename?: 'Message';
  id: string;
  conversationId: string;
  content: string;
  createdAt: string | null;
  sender: string | null;
  isSent: boolean | null;
  author: { __typename?: 'User'; id: string; username: string } | null;
}

/** A page of a conversation's messages, newest first, as allMessageConnection answers it. */
export interface ConversationMessages {
  allMessageConnection: { nextToken: string | null; messages: (Message | null)[] | null } | null;
}

export interface MessagesVariables {
  conversationId: string;
  first: number;
  after?: string | null;
}

/** A conversation opens with this many of its newest messages, and pages back as many at a time. */
export const PAGE_SIZE = 10;

/** The page with {@code message} added as the newest, unless it is there already. */
export function withNewest(page: ConversationMessages, message: Message): ConversationMessages {
  const connection = page.allMessageConnection;
  const messages = connection?.messages ?? [];
  if (messages.some((known) => known?.id === message.id)) {
    return page;
  }
  return {
    ...page,
    allMessageConnection: {
      nextToken: connection?.nextToken ?? null,
      messages: [message, ...messages],
    },
  };
}

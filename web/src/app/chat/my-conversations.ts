import {
  ConversationListQuery,
  ConversationSummaryFieldsFragment,
  LastMessageFieldsFragment,
} from './conversations.generated';
import { SubscribeToUnreadChangesSubscription } from '../reading/reading.generated';

/** My conversations, as conversationList answers them, with my unread total. */
export type MyConversations = ConversationListQuery;

/** One of my conversations, as my conversation list has it. */
export type ConversationSummary = ConversationSummaryFieldsFragment;

/** The newest message of a conversation, as its preview in the list shows it. */
export type LastMessage = LastMessageFieldsFragment;

/** What changed in my counts of one conversation. */
export type UnreadChange = NonNullable<
  SubscribeToUnreadChangesSubscription['subscribeToUnreadChanges']
>;

/** How many of my conversations the list shows at first, and loads at a time after. */
export const MY_CONVERSATIONS_SHOWN = 100;

/** The conversations, the one with the latest activity first; those as recent keep their order. */
export function byActivity(conversations: ConversationSummary[]): ConversationSummary[] {
  return conversations
    .map((conversation, index) => ({ conversation, index }))
    .sort(
      (one, other) =>
        Date.parse(other.conversation.lastActivityAt) -
          Date.parse(one.conversation.lastActivityAt) || one.index - other.index,
    )
    .map(({ conversation }) => conversation);
}

/** Whether the list holds the conversation {@code conversationId}. */
export function lists(list: MyConversations, conversationId: string): boolean {
  return (list.conversationList?.conversations ?? []).some(
    (conversation) => conversation.id === conversationId,
  );
}

/** The list once my counts changed as {@code change} tells: in its conversation, and in total. */
export function withUnreadChange(list: MyConversations, change: UnreadChange): MyConversations {
  return {
    unreadTotal: change.total,
    conversationList: withConversation(list, change.conversationId, (conversation) => ({
      ...conversation,
      unreadCount: change.unreadCount,
      mentionCount: change.mentionCount,
      lastReadMessageId: change.lastReadMessageId,
    })),
  };
}

/**
 * The list once {@code message} arrived in its conversation: it is the conversation's newest, which
 * was active then, unless the list knows of later activity there.
 */
export function withArrival(
  list: MyConversations,
  conversationId: string,
  message: LastMessage,
): MyConversations {
  return {
    ...list,
    conversationList: withConversation(list, conversationId, (conversation) =>
      Date.parse(conversation.lastActivityAt) > Date.parse(message.createdAt ?? '')
        ? conversation
        : {
            ...conversation,
            lastMessage: message,
            lastActivityAt: message.createdAt ?? conversation.lastActivityAt,
          },
    ),
  };
}

/** What the list shows of a conversation's newest message: who wrote it, me as "You", and what. */
export function previewOf(message: LastMessage, me: string): { author: string; text: string } {
  return {
    author: message.sender === me ? 'You' : (message.author?.username ?? message.sender ?? ''),
    text: message.deleted ? 'This message was deleted' : message.content,
  };
}

function withConversation(
  list: MyConversations,
  conversationId: string,
  change: (conversation: ConversationSummary) => ConversationSummary,
): MyConversations['conversationList'] {
  const page = list.conversationList;
  return (
    page && {
      ...page,
      conversations: page.conversations.map((conversation) =>
        conversation.id === conversationId ? change(conversation) : conversation,
      ),
    }
  );
}

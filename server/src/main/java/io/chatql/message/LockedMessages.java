package io.chatql.message;

import org.springframework.stereotype.Component;

/**
 * Messages read for a change, under the lock on their conversation's row: whatever changes a
 * conversation (a post, an edit, a deletion, a reaction) holds that lock until its transaction ends,
 * so the changes of one conversation happen one after the other, in the order they commit.
 */
@Component
public class LockedMessages {

    private final MessageRepository messages;

    LockedMessages(MessageRepository messages) {
        this.messages = messages;
    }

    /**
     * The conversation's counters, read under the lock on its row. Only within a transaction, for a
     * conversation that exists.
     */
    public ConversationCounters lockCounters(String conversationId) {
        return messages.lockCounters(conversationId);
    }

    /**
     * The message, read after its conversation's row was locked; a {@code NOT_FOUND} error when the
     * conversation or the message does not exist. Only within a transaction, and only for a caller
     * already allowed to see the conversation: a message that does not exist is reported as such.
     */
    public Message lock(String conversationId, String id) {
        if (!messages.lockConversation(conversationId)) {
            throw Messages.messageNotFound(id);
        }
        return messages.find(conversationId, id).orElseThrow(() -> Messages.messageNotFound(id));
    }
}

package io.chatql.message;

import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Component;

/** Messages read for other features, as members see them now. */
@Component
public class MessageLookup {

    private final MessageRepository messages;

    MessageLookup(MessageRepository messages) {
        this.messages = messages;
    }

    /**
     * The messages of one conversation that {@code ids} name, with their authors and the messages they
     * answer, in one statement; ids of no message are left out. Blocking.
     */
    public List<Message> shown(String conversationId, Collection<String> ids) {
        return messages.findShown(conversationId, ids);
    }

    /**
     * The messages at {@code positions} (each message's {@link Message#position}), of any
     * conversations, as {@link #shown} shows them, in one statement; positions of no message are left
     * out. Blocking.
     */
    public List<Message> shownAt(Collection<Long> positions) {
        return messages.findShownAt(positions);
    }

    /**
     * The newest message of each of the conversations that has one and that {@code viewerId} is in, in
     * one statement. Blocking.
     */
    public List<Message> newest(String viewerId, Collection<String> conversationIds) {
        return messages.findNewest(viewerId, conversationIds);
    }

    /**
     * At most {@code limit} messages of the conversation after the one of sequence {@code sequence},
     * oldest first, as {@link #shown} shows them. Blocking.
     */
    public List<Message> after(String conversationId, long sequence, int limit) {
        return messages.findAfter(conversationId, sequence, limit);
    }
}

package io.chatql.message;

import io.chatql.system.Caller;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * What moderation, above this package, may do with messages: read them as members see them now, and
 * delete them as an administrator. Every method blocks on the database, in the caller's transaction
 * when there is one.
 */
@Component
public class MessageModeration {

    private final Messages messages;

    private final MessageRepository repository;

    MessageModeration(Messages messages, MessageRepository repository) {
        this.messages = messages;
        this.repository = repository;
    }

    /** The message, as members see it now: a tombstone once deleted. */
    public Optional<Message> find(String conversationId, String id) {
        return repository.find(conversationId, id);
    }

    /** The messages of one conversation that {@code ids} name, as members see them now, with their authors. */
    public List<Message> findShown(String conversationId, Collection<String> ids) {
        return repository.findShown(conversationId, ids);
    }

    /**
     * Deletes the message as {@code administrator} does with {@code deleteMessage}: its content is
     * erased and it stays in its place as a tombstone; a deleted message is answered as it is.
     */
    public Message delete(Caller administrator, String conversationId, String id) {
        return messages.deleteNow(administrator, conversationId, id);
    }
}

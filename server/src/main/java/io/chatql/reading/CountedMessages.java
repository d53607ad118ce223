package io.chatql.reading;

import io.chatql.message.Message;
import io.chatql.message.MessageCreated;
import io.chatql.message.MessageDeleted;
import io.chatql.message.MessageEdited;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps what unread counts are counted from in step with the messages, in the transaction that
 * changes them: the members each message names, and the places of deleted messages. A member's
 * mention of themselves is not counted.
 */
@Component
class CountedMessages {

    private final ReadingRepository repository;

    private final ApplicationEventPublisher events;

    CountedMessages(ReadingRepository repository, ApplicationEventPublisher events) {
        this.repository = repository;
        this.events = events;
    }

    @EventListener
    void created(MessageCreated created) {
        Message message = created.message();
        List<String> mentioned = mentionedByOthers(message);
        if (!mentioned.isEmpty()) {
            repository.insertMentions(message.conversationId(), message.sequence(), mentioned);
        }
    }

    @EventListener
    void edited(MessageEdited edited) {
        Message message = edited.message();
        List<String> before = repository.mentionedIn(message.conversationId(), message.sequence());
        List<String> after = mentionedByOthers(message);
        if (Set.copyOf(before).equals(Set.copyOf(after))) {
            return;
        }
        repository.deleteMentions(message.conversationId(), message.sequence());
        repository.insertMentions(message.conversationId(), message.sequence(), after);
        events.publishEvent(new UnreadAffected(message.conversationId()));
    }

    @EventListener
    void deleted(MessageDeleted deleted) {
        Message message = deleted.message();
        repository.deleteMentions(message.conversationId(), message.sequence());
        repository.insertDeletion(message.conversationId(), message.sequence(), message.sender());
        events.publishEvent(new UnreadAffected(message.conversationId()));
    }

    private static List<String> mentionedByOthers(Message message) {
        return message.mentionIds().stream()
                .filter(userId -> !userId.equals(message.sender()))
                .distinct()
                .toList();
    }
}

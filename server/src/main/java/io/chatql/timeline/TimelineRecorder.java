package io.chatql.timeline;

import io.chatql.conversation.MembershipCreated;
import io.chatql.message.Message;
import io.chatql.message.MessageCreated;
import io.chatql.message.MessageDeleted;
import io.chatql.message.MessageEdited;
import io.chatql.reaction.ReactionsChanged;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes every change of a conversation into its timeline, in the transaction that makes it: the
 * change and its event commit together or not at all. Changes of a conversation hold the lock on its
 * row, so the positions counted on from its last event have no hole and follow the commit order.
 * The events of one transaction, such as a group of posts stored together, are written in one batch
 * just before it commits; each is announced to the live subscribers once it has.
 */
@Component
class TimelineRecorder {

    private final TimelineRepository timeline;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    TimelineRecorder(TimelineRepository timeline, ApplicationEventPublisher events, Clock clock) {
        this.timeline = timeline;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void onCreated(MessageCreated created) {
        record(ConversationEventKind.MESSAGE_CREATED, created.message().sender(), created.message());
    }

    @EventListener
    void onEdited(MessageEdited edited) {
        record(ConversationEventKind.MESSAGE_EDITED, edited.message().sender(), edited.message());
    }

    @EventListener
    void onDeleted(MessageDeleted deleted) {
        record(ConversationEventKind.MESSAGE_DELETED, deleted.deletedBy(), deleted.message());
    }

    @EventListener
    void onReactions(ReactionsChanged changed) {
        record(ConversationEventKind.REACTIONS_CHANGED, changed.userId(), changed.message());
    }

    @EventListener
    void onMember(MembershipCreated created) {
        String conversationId = created.membership().conversationId();
        record(
                conversationId,
                ConversationEventKind.MEMBER_ADDED,
                created.membership().userId(),
                null);
    }

    private void record(ConversationEventKind kind, String userId, Message message) {
        record(message.conversationId(), kind, userId, message);
    }

    private void record(String conversationId, ConversationEventKind kind, String userId, @Nullable Message message) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("a conversation changes only within a transaction");
        }
        var batch = (TransactionBatch) TransactionSynchronizationManager.getResource(this);
        if (batch == null) {
            batch = new TransactionBatch();
            TransactionSynchronizationManager.bindResource(this, batch);
            TransactionSynchronizationManager.registerSynchronization(batch);
        }
        long position = batch.lastEvents.computeIfAbsent(conversationId, timeline::lockLastEvent) + 1;
        batch.lastEvents.put(conversationId, position);
        ConversationEvent event = new ConversationEvent(
                conversationId, position, kind, userId, DateTimeFormatter.ISO_INSTANT.format(clock.instant()), message);
        batch.events.add(event);
        events.publishEvent(new ConversationEventRecorded(event));
    }

    /** The events of one transaction, and the last position of each conversation they are in. */
    private final class TransactionBatch implements TransactionSynchronization {

        private final List<ConversationEvent> events = new ArrayList<>();

        private final Map<String, Long> lastEvents = new HashMap<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            timeline.insertAll(events);
            lastEvents.forEach(timeline::updateLastEvent);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResource(TimelineRecorder.this);
        }
    }
}

package io.chatql.timeline;

import io.chatql.conversation.MembershipCreated;
import io.chatql.message.ConversationCounters;
import io.chatql.message.LockedMessages;
import io.chatql.message.Message;
import io.chatql.message.MessageCreated;
import io.chatql.message.MessageDeleted;
import io.chatql.message.MessageEdited;
import io.chatql.reaction.ReactionsChanged;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Takes every change of a conversation into its timeline, in the transaction that makes it, so the
 * change and its event commit together or not at all, and announces it to the live subscribers once
 * it has. A new message took its place in the timeline when it was stored, counted on with the
 * conversation's sequence; every other change takes the next place here, under the lock on the
 * conversation's row, so the positions have no hole and follow the commit order.
 */
@Component
class TimelineRecorder {

    private final TimelineRepository timeline;

    private final ApplicationEventPublisher events;

    private final Clock clock;

    private final LockedMessages locked;

    TimelineRecorder(
            TimelineRepository timeline, ApplicationEventPublisher events, Clock clock, LockedMessages locked) {
        this.timeline = timeline;
        this.locked = locked;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void onCreated(MessageCreated created) {
        Message message = created.message();
        announce(new ConversationEvent(
                message.conversationId(),
                message.timelinePosition(),
                ConversationEventKind.MESSAGE_CREATED,
                message.sender(),
                message.receivedAt(),
                message));
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
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("a conversation changes only within a transaction");
        }
        ConversationCounters counters = locked.lockCounters(conversationId);
        ConversationEvent event = new ConversationEvent(
                conversationId,
                counters.lastEvent() + 1,
                kind,
                userId,
                DateTimeFormatter.ISO_INSTANT.format(clock.instant()),
                message);
        timeline.insert(event, counters.lastSequence());
        timeline.updateLastEvent(conversationId, event.position());
        announce(event);
    }

    private void announce(ConversationEvent event) {
        events.publishEvent(new ConversationEventRecorded(event));
    }
}

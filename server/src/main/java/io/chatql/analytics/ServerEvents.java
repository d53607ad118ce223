package io.chatql.analytics;

import io.chatql.auth.UserSignedIn;
import io.chatql.auth.UserSignedUp;
import io.chatql.conversation.ConversationCreated;
import io.chatql.message.MessageCreated;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Records the server's own events: messages sent, conversations created, sign-ups and sign-ins. Each is
 * stored as its action happens, in the action's transaction when it has one, so a stored message is
 * counted exactly once and a rolled-back one never; a retried message, stored once, counts once. The
 * events of one transaction, such as a group of messages stored together, are written in one batch
 * just before it commits.
 */
@Component
class ServerEvents {

    private final AnalyticsEventRepository events;

    private final Clock clock;

    ServerEvents(AnalyticsEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void onMessage(MessageCreated created) {
        record(EventTypes.MESSAGE_SENT, created.message().sender());
    }

    @EventListener
    void onConversation(ConversationCreated created) {
        record(EventTypes.CONVERSATION_CREATED, created.creatorId());
    }

    @EventListener
    void onSignUp(UserSignedUp signedUp) {
        record(EventTypes.SIGN_UP, signedUp.userId());
    }

    @EventListener
    void onSignIn(UserSignedIn signedIn) {
        record(EventTypes.SIGN_IN, signedIn.userId());
    }

    private void record(String type, String userId) {
        Instant now = clock.instant();
        AnalyticsEvent event = AnalyticsEvent.server(type, userId, now);
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            events.insertAll(List.of(event), now);
            return;
        }
        var batch = (TransactionBatch) TransactionSynchronizationManager.getResource(this);
        if (batch == null) {
            batch = new TransactionBatch(now);
            TransactionSynchronizationManager.bindResource(this, batch);
            TransactionSynchronizationManager.registerSynchronization(batch);
        }
        batch.events.add(event);
    }

    /** The events recorded in one transaction, written when it is about to commit. */
    private final class TransactionBatch implements TransactionSynchronization {

        private final List<AnalyticsEvent> events = new ArrayList<>();

        private final Instant startedAt;

        TransactionBatch(Instant startedAt) {
            this.startedAt = startedAt;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            ServerEvents.this.events.insertAll(events, startedAt);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResource(ServerEvents.this);
        }
    }
}

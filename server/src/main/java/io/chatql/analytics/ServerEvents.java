package io.chatql.analytics;

import io.chatql.auth.UserSignedIn;
import io.chatql.auth.UserSignedUp;
import io.chatql.conversation.ConversationCreated;
import io.chatql.message.MessageCreated;
import java.time.Clock;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Records the server's own events: messages sent, conversations created, sign-ups and sign-ins. Each is
 * stored as its action happens, in the action's transaction when it has one, so a stored message is
 * counted exactly once and a rolled-back one never; a retried message, stored once, counts once.
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
        var now = clock.instant();
        events.insertAll(List.of(AnalyticsEvent.server(type, userId, now)), now);
    }
}

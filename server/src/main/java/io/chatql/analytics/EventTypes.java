package io.chatql.analytics;

import java.util.List;
import java.util.Set;

/** The types of analytics events: those clients send, named as by the original client, and the server's own. */
final class EventTypes {

    static final String SESSION_START = "session.start";

    static final String SESSION_STOP = "session.stop";

    static final String CLIENT_MESSAGE_SENT = "Chat MSG Sent";

    static final String CLIENT_CONVERSATION_CREATED = "New Conversation";

    static final String PAGE_VIEW = "page.view";

    /** What clients may send, in the order error messages list them. */
    static final List<String> CLIENT =
            List.of(SESSION_START, SESSION_STOP, CLIENT_MESSAGE_SENT, CLIENT_CONVERSATION_CREATED, PAGE_VIEW);

    static final String MESSAGE_SENT = "message.sent";

    static final String CONVERSATION_CREATED = "conversation.created";

    static final String SIGN_UP = "user.signed_up";

    static final String SIGN_IN = "user.signed_in";

    /** The server's events that make their user active that day; every client event does too. */
    static final Set<String> SERVER_ACTIVITY = Set.of(MESSAGE_SENT, SIGN_IN);

    private EventTypes() {}
}

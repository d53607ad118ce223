package io.chatql.analytics;

import org.jspecify.annotations.Nullable;

/** The series of the GraphQL enum: either the users active over a window of days, or a count of one event type. */
enum AnalyticsSeries {
    ACTIVE_USERS_DAILY(1),
    ACTIVE_USERS_WEEKLY(7),
    ACTIVE_USERS_MONTHLY(30),
    SESSIONS(EventTypes.SESSION_START),
    /** The mean duration of the sessions that stopped in each interval. */
    AVERAGE_SESSION_SECONDS(EventTypes.SESSION_STOP),
    MESSAGES_SENT(EventTypes.MESSAGE_SENT),
    CONVERSATIONS_CREATED(EventTypes.CONVERSATION_CREATED),
    SIGN_UPS(EventTypes.SIGN_UP),
    SIGN_INS(EventTypes.SIGN_IN),
    PAGE_VIEWS(EventTypes.PAGE_VIEW),
    CLIENT_MESSAGES_SENT(EventTypes.CLIENT_MESSAGE_SENT),
    CLIENT_CONVERSATIONS_CREATED(EventTypes.CLIENT_CONVERSATION_CREATED);

    private final int activeUserWindowDays;

    private final @Nullable String eventType;

    AnalyticsSeries(int activeUserWindowDays) {
        this.activeUserWindowDays = activeUserWindowDays;
        this.eventType = null;
    }

    AnalyticsSeries(String eventType) {
        this.activeUserWindowDays = 0;
        this.eventType = eventType;
    }

    /** For the active users, how many days, ending with each day, a user may have been active in; else 0. */
    int activeUserWindowDays() {
        return activeUserWindowDays;
    }

    /** The event type this series counts or averages; null for the active users. */
    @Nullable
    String eventType() {
        return eventType;
    }
}

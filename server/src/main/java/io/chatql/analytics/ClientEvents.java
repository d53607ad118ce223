package io.chatql.analytics;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import tools.jackson.databind.JsonNode;

/** Accepts batches of client events: all of a batch or, when one event is bad, none. */
@Service
class ClientEvents {

    private final AnalyticsEventRepository events;

    private final ClientEventRateLimit rateLimit;

    private final TransactionOperations transaction;

    private final Clock clock;

    ClientEvents(
            AnalyticsEventRepository events,
            ClientEventRateLimit rateLimit,
            TransactionOperations transaction,
            Clock clock) {
        this.events = events;
        this.rateLimit = rateLimit;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Stores the batch's events as the user's, returning how many. Refuses, storing nothing, a batch
     * with a bad event ({@link InvalidEventException}) or one that would take the user
     * over the rate limit ({@link TooManyEventsException}).
     */
    int accept(String userId, JsonNode batch) {
        return transaction.execute(status -> {
            Instant now = clock.instant();
            List<AnalyticsEvent> read = ClientEventReader.read(batch, userId, now);
            rateLimit.admit(userId, read.size());
            events.insertAll(read, now);
            return read.size();
        });
    }
}

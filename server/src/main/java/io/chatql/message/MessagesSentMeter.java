package io.chatql.message;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/** Counts the messages stored, once each, when their transaction commits; retries are not counted. */
@Component
class MessagesSentMeter {

    private final Counter sent;

    MessagesSentMeter(MeterRegistry registry) {
        this.sent = Counter.builder("chatql.messages.sent")
                .description("Messages stored")
                .register(registry);
    }

    @TransactionalEventListener
    void onStored(MessageCreated stored) {
        sent.increment();
    }
}

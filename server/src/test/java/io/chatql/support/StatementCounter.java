package io.chatql.support;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.test.context.TestConfiguration;

/** The SQL statements that the application prepared, as its {@code chatql.database.statements} meter counts them. */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    private final MeterRegistry registry;

    StatementCounter(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The number of statements prepared since the application started. */
    public long count() {
        return writes() + counted("other");
    }

    /** The number of those that change data: inserts, updates, deletes and merges. */
    public long writes() {
        return counted("write");
    }

    private long counted(String kind) {
        return (long) registry.get("chatql.database.statements")
                .tag("kind", kind)
                .functionCounter()
                .count();
    }
}

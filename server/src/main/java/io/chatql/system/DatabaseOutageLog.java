package io.chatql.system;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.TransactionSystemException;

/**
 * Logs a database outage once, however many requests it fails: a WARN with the first failure's reason,
 * the next failures at DEBUG, and an INFO with their count when work started during the outage
 * succeeds again. Thread-safe: one for all the blocking work of the server.
 */
class DatabaseOutageLog {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseOutageLog.class);

    private static final long NO_OUTAGE = Long.MIN_VALUE;

    /** When the outage began, in {@link System#nanoTime()}, or {@link #NO_OUTAGE}. */
    private final AtomicLong outageBegan = new AtomicLong(NO_OUTAGE);

    private final AtomicLong failures = new AtomicLong();

    /** Notes that work failed because the database is unavailable, and returns what answers it. */
    DatabaseUnavailableException failed(Throwable reason) {
        failures.incrementAndGet();
        if (outageBegan.compareAndSet(NO_OUTAGE, System.nanoTime())) {
            LOG.warn("Database unavailable: {}", shortReason(reason));
        } else {
            LOG.debug("Database still unavailable: {}", shortReason(reason));
        }
        return new DatabaseUnavailableException();
    }

    /**
     * Notes that work started at {@code startedAt}, in {@link System#nanoTime()}, succeeded: the end of
     * the outage if it started after the outage began, as work already past the database may still
     * succeed while it is down.
     */
    void succeeded(long startedAt) {
        long began = outageBegan.get();
        if (began != NO_OUTAGE && startedAt - began > 0 && outageBegan.compareAndSet(began, NO_OUTAGE)) {
            LOG.info("Database available again, after {} failed operations", failures.getAndSet(0));
        }
    }

    /**
     * The message of the innermost cause, such as "Connection refused"; for a rollback that failed, of
     * the failure it was for, such as "FATAL: terminating connection due to administrator command".
     */
    private static String shortReason(Throwable reason) {
        if (reason instanceof TransactionSystemException rollback && rollback.getApplicationException() != null) {
            return shortReason(rollback.getApplicationException());
        }
        Throwable innermost = reason;
        while (innermost.getCause() != null) {
            innermost = innermost.getCause();
        }
        return innermost.getMessage() != null
                ? innermost.getMessage()
                : innermost.getClass().getSimpleName();
    }
}

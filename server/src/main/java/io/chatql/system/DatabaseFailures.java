package io.chatql.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Tells a database that cannot be reached, or a connection that broke mid-operation, from a fault of
 * the server. Spring wraps what the driver and the pool throw in exceptions of its own, such as a
 * {@code CannotCreateTransactionException} when no connection could be had, or a {@link
 * TransactionSystemException} when the rollback after a broken connection failed too, so the whole
 * chain of causes is looked at, and the failure that the rollback was for.
 */
final class DatabaseFailures {

    /** PostgreSQL's admin_shutdown, crash_shutdown and cannot_connect_now: it stops or is starting. */
    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");

    /** The SQLState class of connection exceptions, such as 08001 (refused) or 08006 (broke). */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";

    /** What HikariCP answers, without an SQLState, on a connection it has evicted as broken. */
    private static final String CLOSED_BY_THE_POOL = "Connection is closed";

    private DatabaseFailures() {}

    /** Whether {@code ex}, or one of its causes, says that the database is unavailable for now. */
    static boolean isUnavailable(Throwable ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (isUnavailableItself(cause)) {
                return true;
            }
            if (cause instanceof TransactionSystemException rollback
                    && rollback.getApplicationException() != null
                    && isUnavailable(rollback.getApplicationException())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailableItself(Throwable ex) {
        if (ex instanceof TransientDataAccessException || ex instanceof DataAccessResourceFailureException) {
            return true;
        }
        if (ex instanceof SQLTransientConnectionException || ex instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (!(ex instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState();
        return state == null
                ? CLOSED_BY_THE_POOL.equals(sql.getMessage())
                : state.startsWith(CONNECTION_EXCEPTION_CLASS) || SHUTDOWN_STATES.contains(state);
    }
}

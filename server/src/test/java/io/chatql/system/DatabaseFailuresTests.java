package io.chatql.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import reactor.test.StepVerifier;

/** Which failures of the database are answered as UNAVAILABLE, to be retried, and which stay internal. */
class DatabaseFailuresTests {

    private final BlockingWork blocking = new BlockingWork();

    @AfterEach
    void stopBlockingWork() {
        blocking.destroy();
    }

    @Test
    void noConnectionFromThePoolWhileTheServerRefusesIsUnavailable() {
        var refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001", new ConnectException());
        var timedOut = new SQLTransientConnectionException("Connection is not available", null, refused);

        assertThat(DatabaseFailures.isUnavailable(
                        new CannotCreateTransactionException("Could not open JDBC Connection", timedOut)))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailable(new CannotGetJdbcConnectionException("Failed", timedOut)))
                .isTrue();
    }

    @Test
    void aSessionEndedByAServerShutdownIsUnavailable() {
        var terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");

        assertThat(DatabaseFailures.isUnavailable(new DataAccessResourceFailureException("select", terminated)))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailable(terminated)).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
    }

    @Test
    void aRollbackOnAConnectionThePoolClosedIsUnavailable() {
        var rollback = new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"));

        assertThat(DatabaseFailures.isUnavailable(rollback)).isTrue();
    }

    @Test
    void aRollbackFailedAfterABrokenConnectionIsUnavailable() {
        var rollback = new TransactionSystemException("JDBC rollback failed", new IllegalStateException("gone"));
        rollback.initApplicationException(
                new DataAccessResourceFailureException("select", new SQLException("I/O error", "08006")));

        assertThat(DatabaseFailures.isUnavailable(rollback)).isTrue();
    }

    @Test
    void transientFailuresOfTheDriverAreUnavailable() {
        assertThat(DatabaseFailures.isUnavailable(new QueryTimeoutException("statement timeout")))
                .isTrue();
        assertThat(DatabaseFailures.isUnavailable(new SQLNonTransientConnectionException("database is closed")))
                .isTrue();
    }

    @Test
    void faultsOfTheServerStayInternal() {
        assertThat(DatabaseFailures.isUnavailable(
                        new BadSqlGrammarException("select", "selct 1", new SQLException("syntax error", "42601"))))
                .isFalse();
        assertThat(DatabaseFailures.isUnavailable(new DataIntegrityViolationException("duplicate key")))
                .isFalse();
        assertThat(DatabaseFailures.isUnavailable(new TransactionSystemException("JDBC commit failed")))
                .isFalse();
        assertThat(DatabaseFailures.isUnavailable(new SQLException("out of memory", "53200")))
                .isFalse();
        assertThat(DatabaseFailures.isUnavailable(new IllegalStateException("a bug")))
                .isFalse();
    }

    @Test
    void blockingWorkFailingForAnUnavailableDatabaseFailsAsUnavailable() {
        StepVerifier.create(blocking.of(() -> {
                    throw new CannotGetJdbcConnectionException("Failed", new SQLTransientConnectionException());
                }))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(DatabaseUnavailableException.class);
                    assertThat(ErrorTypes.of(error)).hasToString("UNAVAILABLE");
                    assertThat(error.getMessage()).isEqualTo("The service is briefly unavailable; retry");
                })
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void blockingWorkFailingForABugKeepsItsFailure() {
        StepVerifier.create(blocking.of(() -> {
                    throw new BadSqlGrammarException("select", "selct 1", new SQLException("syntax error", "42601"));
                }))
                .expectErrorSatisfies(error -> {
                    assertThat(error).isInstanceOf(BadSqlGrammarException.class);
                    assertThat(ErrorTypes.of(error)).isNull();
                })
                .verify(Duration.ofSeconds(5));
    }
}

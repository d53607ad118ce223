package io.chatql.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class DatabaseStatementsTests {

    private final DatabaseStatements statements = new DatabaseStatements();

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void statementsPreparedOnTheDataSourcesConnectionsAreCountedWritesApart() throws Exception {
        DataSource target = mock(DataSource.class);
        when(target.getConnection()).thenReturn(mock(Connection.class));
        statements.bindTo(registry);
        DataSource dataSource = (DataSource) statements.postProcessAfterInitialization(target, "dataSource");

        try (Connection connection = dataSource.getConnection()) {
            connection.prepareStatement("update user_presence set last_seen_at = ? where user_id = ?");
            connection.prepareStatement("  INSERT into user_presence (user_id) values (?)");
            connection.prepareStatement("select show_last_seen from user_presence where user_id = ?");
            connection.createStatement();
        }

        assertThat(counted("write")).isEqualTo(2);
        assertThat(counted("other")).isEqualTo(2);
    }

    private double counted(String kind) {
        return registry.get(DatabaseStatements.METER)
                .tag("kind", kind)
                .functionCounter()
                .count();
    }
}

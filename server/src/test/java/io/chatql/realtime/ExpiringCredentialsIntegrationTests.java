package io.chatql.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.AdjustableClock;
import io.chatql.support.H2Database;
import io.chatql.support.IntegrationTest;
import io.chatql.support.RawWebSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.TestPropertySource;

/** A real-time connection lasts only as long as the access token it was opened with is accepted. */
@ContextConfiguration(initializers = H2Database.class)
@Import(AdjustableClock.Configuration.class)
@TestPropertySource(properties = "chatql.auth.access-token-lifetime=10m")
class ExpiringCredentialsIntegrationTests extends IntegrationTest {

    @Autowired
    private AdjustableClock clock;

    @Test
    void connectionIsClosedWith4419OnceItsTokenIsNoLongerAccepted() throws Exception {
        Account alice = signUp("alice");
        // 58 s past its expiry, the token is still accepted for the 60 s of clock skew allowed: 2 s more.
        clock.advance(Duration.ofMinutes(10).plusSeconds(58));
        try (RawWebSocket socket = RawWebSocket.connect(webSocketUri(), new HttpHeaders(), "graphql-transport-ws")) {
            socket.send(
                    "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"" + alice.accessToken() + "\"}}");
            socket.awaitContaining("connection_ack");

            assertThat(socket.closeStatus(TIMEOUT).getCode()).isEqualTo(4419);
        }
    }
}

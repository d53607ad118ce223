package io.chatql.realtime;

import io.chatql.support.ChatClient;
import io.chatql.support.H2Database;
import io.chatql.support.SelfSignedTls;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.ContextConfiguration;

/**
 * Every client library over TLS (https:// and wss://), and AWS Amplify JS v6, which connects only with
 * wss://.
 */
@ContextConfiguration(initializers = {H2Database.class, SelfSignedTls.class})
class TlsClientLibrariesIntegrationTests extends ClientLibrariesIntegrationTests {

    @Override
    protected ChatClient client() {
        return new ChatClient(port, true);
    }

    @Test
    void amplifyReceivesMessagesLiveOverTls() throws Exception {
        receivesMessagesLive("aws-amplify");
    }
}

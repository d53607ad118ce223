package io.chatql.realtime;

import io.chatql.auth.ConnectionAuthentication;
import io.chatql.system.BodyTooLargeException;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.socket.server.WebSocketService;
import org.springframework.web.reactive.socket.server.support.HandshakeWebSocketService;
import org.springframework.web.reactive.socket.server.upgrade.ReactorNettyRequestUpgradeStrategy;
import reactor.netty.http.server.WebsocketServerSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real-time WebSocket endpoints: {@code /graphql} speaks graphql-transport-ws and, for older
 * Apollo clients, the legacy {@code graphql-ws}; {@code /graphql/realtime} speaks AppSync's protocol.
 */
@Configuration(proxyBeanMethods = false)
class RealtimeEndpoints {

    static final String GRAPHQL = "/graphql";

    static final String APPSYNC = "/graphql/realtime";

    @Bean
    HandlerMapping realtimeHandlerMapping(
            RealtimeProperties properties,
            ConnectionRegistry registry,
            GraphQlOperations operations,
            SharedSubscriptions subscriptions,
            ConnectionAuthentication authentication,
            RealtimeMeters meters,
            JsonMapper json) {
        RealtimeConnection.Services services = new RealtimeConnection.Services(
                properties, registry, operations, subscriptions, authentication, meters);
        RealtimeEndpoint graphQl = new RealtimeEndpoint(
                Map.of(
                        TransportWsProtocol.NAME, new TransportWsProtocol(json),
                        LegacyWsProtocol.NAME, new LegacyWsProtocol(json)),
                List.of(TransportWsProtocol.NAME, LegacyWsProtocol.NAME),
                handshake -> Map.of(),
                services);
        AppSyncHandshake appSyncHandshake = new AppSyncHandshake(json);
        RealtimeEndpoint appSync = new RealtimeEndpoint(
                Map.of(AppSyncProtocol.NAME, new AppSyncProtocol(json)),
                List.of(AppSyncProtocol.NAME),
                appSyncHandshake::credentials,
                services);
        WebSocketUpgradeMapping mapping = new WebSocketUpgradeMapping(Map.of(GRAPHQL, graphQl, APPSYNC, appSync));
        mapping.setOrder(-2);
        return mapping;
    }

    /**
     * Reads messages of up to {@link BodyTooLargeException#MAX_BYTES}, as much as a request body, where
     * Reactor Netty's default is 64 KB; a larger message closes the connection with 1009, Message Too
     * Big.
     */
    @Bean
    WebFluxConfigurer realtimeMessageSize() {
        return new WebFluxConfigurer() {
            @Override
            public WebSocketService getWebSocketService() {
                return new HandshakeWebSocketService(new ReactorNettyRequestUpgradeStrategy(
                        () -> WebsocketServerSpec.builder().maxFramePayloadLength(BodyTooLargeException.MAX_BYTES)));
            }
        };
    }
}

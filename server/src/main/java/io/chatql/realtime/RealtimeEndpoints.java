package io.chatql.realtime;

import io.chatql.auth.ConnectionAuthentication;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.HandlerMapping;
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
}

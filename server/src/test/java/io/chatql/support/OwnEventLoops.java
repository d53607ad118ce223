package io.chatql.support;

import org.springframework.context.annotation.Bean;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * Event loops of an application's own, for one started and stopped in a JVM that runs others: the
 * applications of one JVM share Reactor Netty's global loops and connections otherwise, which the
 * first of them to stop disposes of for all, waiting for connections the others still hold.
 */
public class OwnEventLoops {

    @Bean
    ReactorResourceFactory reactorResourceFactory() {
        ReactorResourceFactory resources = new ReactorResourceFactory();
        resources.setUseGlobalResources(false);
        return resources;
    }
}

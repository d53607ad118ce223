package io.chatql.realtime;

import org.dataloader.DataLoaderOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;

/**
 * Batch loaders (the {@code @BatchMapping} fields: authors, reactions, replies, mentions) remember no
 * value between loads. A subscription is one request for as long as it lasts, and its data loaders
 * live as long: with their cache, the second event about a message showed the reactions, the quoted
 * message or the author's blocked state the first one loaded, however they had changed since. Loads
 * of one page still go out as one batch each, so a page costs the same statements.
 */
@Configuration(proxyBeanMethods = false)
class UncachedBatchLoading {

    @Bean
    BatchLoaderRegistry batchLoaderRegistry() {
        return new DefaultBatchLoaderRegistry(
                () -> DataLoaderOptions.newOptions().setCachingEnabled(false).build());
    }
}

package io.chatql.search;

import io.chatql.system.BlockingWork;
import io.chatql.system.Caller;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class SearchController {

    private final MessageSearch search;

    private final BlockingWork blocking;

    SearchController(MessageSearch search, BlockingWork blocking) {
        this.search = search;
        this.blocking = blocking;
    }

    /** The caller's messages that match {@code query}, newest first or best first, continued with {@code after}. */
    @QueryMapping
    Mono<MessageSearchConnection> searchMessages(
            @Argument String query,
            @Argument @Nullable String conversationId,
            @Argument @Nullable Integer first,
            @Argument @Nullable String after,
            @Argument @Nullable MessageSearchOrder order,
            Caller caller) {
        return Mono.fromCallable(() -> search.prepare(caller.id(), query, conversationId, first, after, order))
                .flatMap(prepared -> blocking.of(() -> search.search(prepared)));
    }
}

package io.chatql.timeline;

import io.chatql.conversation.ConversationAccess;
import io.chatql.live.LiveFeed;
import io.chatql.live.SubscriptionSharing;
import io.chatql.paging.PageSize;
import io.chatql.system.BlockingWork;
import io.chatql.system.Caller;
import io.chatql.system.Inputs;
import io.chatql.system.Referents;
import io.chatql.user.User;
import io.chatql.user.UserRepository;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class TimelineController {

    private final TimelineFeed feed;

    private final ConversationAccess access;

    private final UserRepository users;

    private final BlockingWork blocking;

    TimelineController(TimelineFeed feed, ConversationAccess access, UserRepository users, BlockingWork blocking) {
        this.feed = feed;
        this.access = access;
        this.users = users;
        this.blocking = blocking;
    }

    /** The events of a conversation the caller is in, in order, each once, from {@code after} on. */
    @SubscriptionMapping
    LiveFeed<ConversationEvent> subscribeToConversationEvents(
            @Argument String conversationId, @Argument @Nullable String after, Caller caller) {
        Inputs.requireId("conversationId", conversationId);
        return feed.after(conversationId, after)
                .authorizedBy(blocking.run(() -> access.requireMember(caller.id(), conversationId)));
    }

    /** A page of a conversation's timeline, oldest first, after {@code after} or from the beginning. */
    @QueryMapping
    Mono<TimelineFeed.EventPage> conversationEvents(
            @Argument String conversationId,
            @Argument @Nullable String after,
            @Argument @Nullable Integer first,
            Caller caller) {
        Inputs.requireId("conversationId", conversationId);
        PageSize size = PageSize.of(first);
        return blocking.of(() -> {
            access.requireMember(caller.id(), conversationId);
            return feed.page(conversationId, after, size.value());
        });
    }

    @BatchMapping(typeName = "ConversationEvent")
    Mono<Map<ConversationEvent, User>> user(List<ConversationEvent> events) {
        return blocking.of(() -> Referents.of(events, ConversationEvent::userId, users::findAllById, User::id));
    }

    /** A conversation's events are the same for all its members, who may share one live execution. */
    @Bean
    static SubscriptionSharing timelineSharing() {
        return SubscriptionSharing.shareable("subscribeToConversationEvents");
    }
}

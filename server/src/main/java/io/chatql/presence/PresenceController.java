package io.chatql.presence;

import graphql.GraphQLContext;
import io.chatql.live.LiveFeed;
import io.chatql.live.SubscriptionSharing;
import io.chatql.system.BlockingWork;
import io.chatql.system.Caller;
import io.chatql.system.Referents;
import io.chatql.user.Settings;
import io.chatql.user.User;
import io.chatql.user.UserRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Presence in the API: {@code User.presence} for the people who share a conversation with the caller,
 * the caller's word on being idle, whether others see when they were last seen, and the changes of
 * their contacts' presence as they happen.
 */
@Controller
class PresenceController {

    private final PresenceViews views;

    private final PresenceFeed feed;

    private final PresenceRepository repository;

    private final UserRepository users;

    private final ApplicationEventPublisher events;

    private final BlockingWork blocking;

    PresenceController(
            PresenceViews views,
            PresenceFeed feed,
            PresenceRepository repository,
            UserRepository users,
            ApplicationEventPublisher events,
            BlockingWork blocking) {
        this.views = views;
        this.feed = feed;
        this.repository = repository;
        this.users = users;
        this.events = events;
        this.blocking = blocking;
    }

    /** The presence of each user, in one query for all; null for someone the caller shares no conversation with. */
    @BatchMapping(typeName = "User")
    Mono<Map<User, Presence>> presence(List<User> people, GraphQLContext context) {
        Caller caller = Caller.of(context);
        return blocking.of(() -> {
            Map<String, Presence> byUser = views.viewedBy(
                    caller.id(), people.stream().map(User::id).distinct().toList());
            Map<User, Presence> answers = new HashMap<>();
            people.forEach(person -> {
                Presence presence = byUser.get(person.id());
                if (presence != null) {
                    answers.put(person, presence);
                }
            });
            return answers;
        });
    }

    /** The user of each presence: read, for all at once, unless it came with the presence. */
    @BatchMapping(typeName = "Presence")
    Mono<Map<Presence, User>> user(List<Presence> presences) {
        return Referents.of(presences, Presence::user, Presence::userId, users::findAllById, User::id, blocking);
    }

    /**
     * The client's word on whether the caller is idle; it counts while the caller is connected, and is
     * forgotten once they go offline. Answers the caller's presence.
     */
    @MutationMapping
    Mono<Presence> setAway(@Argument boolean away, Caller caller) {
        events.publishEvent(new AwayReported(caller.id(), away));
        return blocking.of(() -> views.of(caller.id(), Set.of(caller.id())).get(caller.id()));
    }

    /** Whether others see when the caller was last seen; idempotent. */
    @MutationMapping
    Mono<Settings> setShowLastSeen(@Argument boolean enabled, Caller caller) {
        return blocking.of(() -> {
            repository.setLastSeenShown(caller.id(), enabled);
            events.publishEvent(new LastSeenShown(caller.id(), enabled));
            return new Settings(caller.id());
        });
    }

    @SchemaMapping(typeName = "Settings")
    Mono<Boolean> showLastSeen(Settings settings) {
        return blocking.of(() -> repository.isLastSeenShown(settings.userId()));
    }

    /** The presence of the caller and of the people they share conversations with, as it changes. */
    @SubscriptionMapping
    LiveFeed<Presence> subscribeToPresence(Caller caller) {
        return LiveFeed.of(feed.of(caller.id()));
    }

    /**
     * Whose presence a viewer is told, and whether they see when someone was last seen, depend on
     * who asks.
     */
    @Bean
    static SubscriptionSharing presenceSharing() {
        return SubscriptionSharing.viewerDependent("presence", "lastSeenAt");
    }
}

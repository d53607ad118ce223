package io.chatql.presence;

import io.chatql.conversation.ConversationAccess;
import io.chatql.conversation.MembershipCreated;
import io.chatql.conversation.UserConversation;
import io.chatql.live.LiveEvents;
import io.chatql.system.BlockingWork;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * The presence changes one viewer is told: their own and those of the people they share a
 * conversation with. Who those are is read once, then kept up to date from the new memberships: a
 * viewer who joins a conversation, or whose conversation gains a member, is told the presence of each
 * new contact at once, and follows it from then on, through {@link PresenceWatchers}.
 */
@Component
class PresenceFeed {

    private final LiveEvents events;

    private final ConversationAccess access;

    private final PresenceViews views;

    private final PresenceWatchers watchers;

    private final BlockingWork blocking;

    PresenceFeed(
            LiveEvents events,
            ConversationAccess access,
            PresenceViews views,
            PresenceWatchers watchers,
            BlockingWork blocking) {
        this.events = events;
        this.access = access;
        this.views = views;
        this.watchers = watchers;
        this.blocking = blocking;
    }

    /** The presence changes {@code viewerId} is told, from now on. */
    Flux<Presence> of(String viewerId) {
        return Flux.defer(() -> {
            PresenceWatchers.Watcher watcher = watchers.watcher(viewerId);
            return follow(viewerId, watcher, ConcurrentHashMap.newKeySet()).doFinally(signal -> watcher.forget());
        });
    }

    private Flux<Presence> follow(String viewerId, PresenceWatchers.Watcher watcher, Set<String> conversations) {
        Flux<Presence> newContacts = events.streamOfEveryTopic(MembershipCreated.class)
                .concatMap(created -> joined(viewerId, watcher, conversations, created.membership()));
        return blocking.run(() -> {
                    watcher.watch(access.contactsOf(viewerId));
                    conversations.addAll(access.conversationIdsOf(viewerId));
                })
                .thenMany(Flux.merge(watcher.changes(), newContacts));
    }

    /** The presence of whoever the new membership makes a contact of the viewer. */
    private Flux<Presence> joined(
            String viewerId, PresenceWatchers.Watcher watcher, Set<String> conversations, UserConversation membership) {
        if (membership.userId().equals(viewerId)) {
            conversations.add(membership.conversationId());
            return blocking.of(() -> views.of(viewerId, watcher.watch(access.membersOf(membership.conversationId())))
                            .values())
                    .flatMapIterable(presences -> presences);
        }
        if (conversations.contains(membership.conversationId())
                && !watcher.watch(Set.of(membership.userId())).isEmpty()) {
            return blocking.of(() ->
                            views.of(viewerId, Set.of(membership.userId())).values())
                    .flatMapIterable(presences -> presences);
        }
        return Flux.empty();
    }
}

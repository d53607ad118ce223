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
 * new contact at once, and follows it from then on.
 */
@Component
class PresenceFeed {

    private final LiveEvents events;

    private final ConversationAccess access;

    private final PresenceViews views;

    private final BlockingWork blocking;

    PresenceFeed(LiveEvents events, ConversationAccess access, PresenceViews views, BlockingWork blocking) {
        this.events = events;
        this.access = access;
        this.views = views;
        this.blocking = blocking;
    }

    /** The presence changes {@code viewerId} is told, from now on. */
    Flux<Presence> of(String viewerId) {
        return Flux.defer(() -> follow(viewerId, new Contacts()));
    }

    private Flux<Presence> follow(String viewerId, Contacts contacts) {
        Flux<Presence> changes = events.streamOfEveryTopic(PresenceChanged.class)
                .filter(change -> contacts.people().contains(change.userId()))
                .map(change -> change.viewedBy(viewerId));
        Flux<Presence> newContacts = events.streamOfEveryTopic(MembershipCreated.class)
                .concatMap(created -> joined(viewerId, contacts, created.membership()));
        return blocking.run(() -> {
                    contacts.people().addAll(access.contactsOf(viewerId));
                    contacts.conversations().addAll(access.conversationIdsOf(viewerId));
                })
                .thenMany(Flux.merge(changes, newContacts));
    }

    /** The presence of whoever the new membership makes a contact of the viewer. */
    private Flux<Presence> joined(String viewerId, Contacts contacts, UserConversation membership) {
        if (membership.userId().equals(viewerId)) {
            contacts.conversations().add(membership.conversationId());
            return blocking.of(() -> {
                        Set<String> added = access.membersOf(membership.conversationId());
                        added.removeIf(userId -> !contacts.people().add(userId));
                        return views.of(viewerId, added).values();
                    })
                    .flatMapIterable(presences -> presences);
        }
        if (contacts.conversations().contains(membership.conversationId())
                && contacts.people().add(membership.userId())) {
            return blocking.of(() ->
                            views.of(viewerId, Set.of(membership.userId())).values())
                    .flatMapIterable(presences -> presences);
        }
        return Flux.empty();
    }

    /** The people a viewer shares a conversation with, themselves included, and those conversations. */
    private record Contacts(Set<String> people, Set<String> conversations) {

        Contacts() {
            this(ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet());
        }
    }
}

package io.chatql.conversation;

import io.chatql.live.LiveFeed;
import io.chatql.live.SubscriptionSharing;
import io.chatql.paging.Cursors;
import io.chatql.paging.Page;
import io.chatql.paging.PageSize;
import io.chatql.system.BlockingWork;
import io.chatql.system.Caller;
import io.chatql.system.ForbiddenException;
import io.chatql.system.Referents;
import io.chatql.user.User;
import io.chatql.user.UserRepository;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class ConversationController {

    private final Conversations conversations;

    private final ConversationRepository repository;

    private final UserRepository users;

    private final MembershipFeed memberships;

    private final Cursors cursors;

    private final BlockingWork blocking;

    ConversationController(
            Conversations conversations,
            ConversationRepository repository,
            UserRepository users,
            MembershipFeed memberships,
            Cursors cursors,
            BlockingWork blocking) {
        this.conversations = conversations;
        this.repository = repository;
        this.users = users;
        this.memberships = memberships;
        this.cursors = cursors;
        this.blocking = blocking;
    }

    @MutationMapping
    Mono<Conversation> createConversation(
            @Argument String id, @Argument String name, @Argument @Nullable String createdAt, Caller caller) {
        return blocking.of(() -> conversations.create(caller.id(), id, name, createdAt));
    }

    @MutationMapping
    Mono<Conversation> startConversation(
            @Argument String id,
            @Argument String name,
            @Argument @Nullable String createdAt,
            @Argument List<String> memberIds,
            Caller caller) {
        return blocking.of(() -> conversations.start(caller.id(), id, name, createdAt, memberIds));
    }

    @MutationMapping
    Mono<UserConversation> createUserConversations(
            @Argument String conversationId, @Argument String userId, Caller caller) {
        return blocking.of(() -> conversations.addMember(caller.id(), conversationId, userId));
    }

    /**
     * New memberships of the caller; subscribing to another user's is refused. With {@code after}, the
     * id of the newest conversation the subscriber knows, it first receives every later membership; the
     * empty id, from a subscriber that knew none, stands before the first.
     */
    @SubscriptionMapping
    LiveFeed<UserConversation> subscribeToNewUCs(
            @Argument String userId, @Argument @Nullable String after, Caller caller) {
        return memberships
                .after(userId, after)
                .map(ConversationRepository.PositionedMembership::membership)
                .authorizedBy(
                        userId.equals(caller.id())
                                ? Mono.empty()
                                : Mono.error(
                                        new ForbiddenException("you may only subscribe to your own conversations")));
    }

    /** A user's conversations depend on who asks. */
    @Bean
    static SubscriptionSharing conversationSharing() {
        return SubscriptionSharing.viewerDependent("conversations");
    }

    /**
     * A user's conversations, newest membership first. For another user, only the conversations the
     * caller is in too.
     */
    @SchemaMapping(typeName = "User")
    Mono<MembershipConnection> conversations(
            User user, @Argument @Nullable String after, @Argument @Nullable Integer first, Caller caller) {
        PageSize size = PageSize.of(first);
        String scope = "user-conversations:" + user.id() + ":" + caller.id();
        Long before = cursors.decode(scope, after);
        return blocking.of(() -> {
            Page<ConversationRepository.PositionedMembership> page = Page.of(
                    repository.findMembershipsOfUser(user.id(), caller.id(), before, size.fetchSize()),
                    size,
                    ConversationRepository.PositionedMembership::position);
            return new MembershipConnection(
                    page.items().stream()
                            .map(ConversationRepository.PositionedMembership::membership)
                            .toList(),
                    cursors.encode(scope, page.nextPosition()));
        });
    }

    @BatchMapping(typeName = "UserConversations")
    Mono<Map<UserConversation, Conversation>> conversation(List<UserConversation> memberships) {
        return blocking.of(() ->
                Referents.of(memberships, UserConversation::conversationId, repository::findAllById, Conversation::id));
    }

    @BatchMapping(typeName = "UserConversations")
    Mono<Map<UserConversation, User>> user(List<UserConversation> memberships) {
        return blocking.of(() -> Referents.of(memberships, UserConversation::userId, users::findAllById, User::id));
    }

    /** All memberships of the same conversation, the one asked about included. */
    @BatchMapping(typeName = "UserConversations")
    Mono<Map<UserConversation, List<UserConversation>>> associated(List<UserConversation> memberships) {
        return blocking.of(() -> {
            Map<String, List<UserConversation>> byConversation = repository
                    .findMembershipsOf(memberships.stream()
                            .map(UserConversation::conversationId)
                            .collect(Collectors.toSet()))
                    .stream()
                    .collect(Collectors.groupingBy(UserConversation::conversationId));
            return memberships.stream()
                    .distinct()
                    .collect(Collectors.toMap(
                            Function.identity(),
                            membership -> byConversation.getOrDefault(membership.conversationId(), List.of())));
        });
    }

    record MembershipConnection(
            List<UserConversation> userConversations,
            @Nullable String nextToken) {}
}

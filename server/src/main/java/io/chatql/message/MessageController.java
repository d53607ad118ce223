package io.chatql.message;

import graphql.schema.DataFetchingEnvironment;
import io.chatql.conversation.Conversation;
import io.chatql.conversation.ConversationAccess;
import io.chatql.live.LiveFeed;
import io.chatql.live.SubscriptionSharing;
import io.chatql.paging.Cursors;
import io.chatql.paging.Page;
import io.chatql.paging.PageSize;
import io.chatql.system.BlockingWork;
import io.chatql.system.Caller;
import io.chatql.system.Inputs;
import io.chatql.system.InvalidInputException;
import io.chatql.system.Referents;
import io.chatql.user.User;
import io.chatql.user.UserRepository;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class MessageController {

    /** The fields of a message that its listings join in when they are selected. */
    private static final Set<String> JOINED_FIELDS = Set.of("author", "replyTo");

    private final Messages messages;

    private final MessageRepository repository;

    private final ConversationAccess access;

    private final UserRepository users;

    private final MessageFeed feed;

    private final Cursors cursors;

    private final BlockingWork blocking;

    MessageController(
            Messages messages,
            MessageRepository repository,
            ConversationAccess access,
            UserRepository users,
            MessageFeed feed,
            Cursors cursors,
            BlockingWork blocking) {
        this.messages = messages;
        this.repository = repository;
        this.access = access;
        this.users = users;
        this.feed = feed;
        this.cursors = cursors;
        this.blocking = blocking;
    }

    /** Posts a message; idempotent on (conversationId, id). */
    @MutationMapping
    Mono<Message> createMessage(
            @Argument String conversationId,
            @Argument String id,
            @Argument @Nullable String content,
            @Argument String createdAt,
            @Argument @Nullable String replyToId,
            Caller caller) {
        return messages.post(caller.id(), conversationId, id, content, createdAt, replyToId);
    }

    @MutationMapping
    Mono<Message> editMessage(
            @Argument String conversationId, @Argument String id, @Argument String content, Caller caller) {
        return messages.edit(caller.id(), conversationId, id, content);
    }

    @MutationMapping
    Mono<Message> deleteMessage(@Argument String conversationId, @Argument String id, Caller caller) {
        return messages.delete(caller, conversationId, id);
    }

    @QueryMapping
    Mono<List<MessageRevision>> messageRevisions(@Argument String conversationId, @Argument String id, Caller caller) {
        return messages.revisions(caller, conversationId, id);
    }

    /** A conversation's messages, newest first, continued with the opaque {@code nextToken}. */
    @QueryMapping
    Mono<MessageConnection> allMessageConnection(
            @Argument String conversationId,
            @Argument @Nullable String after,
            @Argument @Nullable Integer first,
            Caller caller,
            DataFetchingEnvironment environment) {
        return conversationMessages(conversationId, after, first, caller, shows(environment, "messages"));
    }

    @SchemaMapping(typeName = "Conversation")
    Mono<MessageConnection> messages(
            Conversation conversation,
            @Argument @Nullable String after,
            @Argument @Nullable Integer first,
            Caller caller,
            DataFetchingEnvironment environment) {
        return conversationMessages(conversation.id(), after, first, caller, shows(environment, "messages"));
    }

    /** A conversation's messages, newest first; {@code after} is the id of the last message seen. */
    @QueryMapping
    Mono<List<Message>> allMessage(
            @Argument String conversationId,
            @Argument @Nullable String after,
            @Argument @Nullable Integer first,
            Caller caller,
            DataFetchingEnvironment environment) {
        return messagesAfterId(conversationId, null, after, first, caller, shows(environment));
    }

    /** Like {@link #allMessage}, only the messages of {@code sender}. */
    @QueryMapping
    Mono<List<Message>> allMessageFrom(
            @Argument String conversationId,
            @Argument String sender,
            @Argument @Nullable String after,
            @Argument @Nullable Integer first,
            Caller caller,
            DataFetchingEnvironment environment) {
        return messagesAfterId(
                conversationId, Inputs.requireId("sender", sender), after, first, caller, shows(environment));
    }

    /** A user's own messages, newest first, in the conversations the caller is in too. */
    @SchemaMapping(typeName = "User")
    Mono<MessageConnection> messages(
            User user, @Argument @Nullable String after, @Argument @Nullable Integer first, Caller caller) {
        PageSize size = PageSize.of(first);
        String scope = "user-messages:" + user.id() + ":" + caller.id();
        Long before = cursors.decode(scope, after);
        return blocking.of(() -> {
            Page<Message> page = Page.of(
                    repository.findBySender(user.id(), caller.id(), before, size.fetchSize()), size, Message::position);
            return new MessageConnection(page.items(), cursors.encode(scope, page.nextPosition()));
        });
    }

    /**
     * New messages of a conversation the caller is in, in order, each once. With {@code after}, the id
     * of the last message the subscriber has, it first receives every message stored since; the empty
     * id, from a subscriber that saw the conversation empty, stands before its first message.
     */
    @SubscriptionMapping
    LiveFeed<Message> subscribeToNewMessage(
            @Argument String conversationId, @Argument @Nullable String after, Caller caller) {
        return feed.after(conversationId, after)
                .authorizedBy(blocking.run(() -> access.requireMember(caller.id(), conversationId)));
    }

    /**
     * The new messages of a conversation are the same for all its members, who may share one live
     * execution; a user's messages and a conversation's depend on who asks.
     */
    @Bean
    static SubscriptionSharing messageSharing() {
        return SubscriptionSharing.shareable("subscribeToNewMessage").andViewerDependent("messages");
    }

    /** The authors of a page; a listing that joined them in already has them. */
    @BatchMapping
    Mono<Map<Message, User>> author(List<Message> page) {
        return Referents.of(page, Message::author, Message::sender, users::findAllById, User::id, blocking);
    }

    /**
     * The messages a page answers; a listing that joined them in already has them, the others (a new
     * message in a live event, say) are read for each conversation at once.
     */
    @BatchMapping
    Mono<Map<Message, Message>> replyTo(List<Message> page) {
        Map<Message, Message> quoted = new HashMap<>();
        Map<String, List<Message>> unknown = new HashMap<>();
        for (Message message : page) {
            if (message.replyTo() != null) {
                quoted.put(message, message.replyTo());
            } else if (message.replyToId() != null) {
                unknown.computeIfAbsent(message.conversationId(), conversation -> new ArrayList<>())
                        .add(message);
            }
        }
        if (unknown.isEmpty()) {
            return Mono.just(quoted);
        }
        return blocking.of(() -> {
            unknown.forEach((conversationId, answering) -> quoted.putAll(Referents.of(
                    answering, Message::replyToId, ids -> repository.findShown(conversationId, ids), Message::id)));
            return quoted;
        });
    }

    /** The members each message of a page mentions, read at once for the page. */
    @BatchMapping
    Mono<Map<Message, List<User>>> mentions(List<Message> page) {
        Set<String> ids = new HashSet<>();
        page.forEach(message -> ids.addAll(message.mentionIds()));
        if (ids.isEmpty()) {
            Map<Message, List<User>> none = new HashMap<>();
            page.forEach(message -> none.put(message, List.of()));
            return Mono.just(none);
        }
        return blocking.of(() -> {
            Map<String, User> byId = new HashMap<>();
            users.findAllById(ids).forEach(user -> byId.put(user.id(), user));
            Map<Message, List<User>> mentioned = new HashMap<>();
            page.forEach(message -> mentioned.put(
                    message,
                    message.mentionIds().stream()
                            .map(byId::get)
                            .filter(Objects::nonNull)
                            .toList()));
            return mentioned;
        });
    }

    /**
     * Whether the operation shows the authors or the quoted messages of the messages it selects (under
     * {@code path}): then the page is read with them joined in, otherwise without.
     */
    private static boolean shows(DataFetchingEnvironment environment, String... path) {
        return Selections.selectsAny(environment, List.of(path), JOINED_FIELDS);
    }

    private Mono<MessageConnection> conversationMessages(
            String conversationId, @Nullable String after, @Nullable Integer first, Caller caller, boolean shown) {
        PageSize size = PageSize.of(first);
        String scope = "messages:" + conversationId;
        Long before = cursors.decode(scope, after);
        return blocking.of(() -> {
            access.requireMember(caller.id(), conversationId);
            Page<Message> page = Page.of(
                    repository.findInConversation(conversationId, null, before, size.fetchSize(), shown),
                    size,
                    Message::sequence);
            return new MessageConnection(page.items(), cursors.encode(scope, page.nextPosition()));
        });
    }

    private Mono<List<Message>> messagesAfterId(
            String conversationId,
            @Nullable String sender,
            @Nullable String afterId,
            @Nullable Integer first,
            Caller caller,
            boolean shown) {
        PageSize size = PageSize.of(first);
        return blocking.of(() -> {
            access.requireMember(caller.id(), conversationId);
            Long before = afterId == null
                    ? null
                    : repository
                            .find(conversationId, afterId)
                            .map(Message::sequence)
                            .orElseThrow(() -> new InvalidInputException("after must be the id of a message"));
            return repository.findInConversation(conversationId, sender, before, size.value(), shown);
        });
    }

    record MessageConnection(
            List<Message> messages, @Nullable String nextToken) {}
}

package io.chatql.reading;

import graphql.GraphQLContext;
import io.chatql.conversation.Conversation;
import io.chatql.conversation.ConversationAccess;
import io.chatql.live.LiveEvents;
import io.chatql.live.LiveFeed;
import io.chatql.live.SubscriptionSharing;
import io.chatql.message.Message;
import io.chatql.message.MessageLookup;
import io.chatql.paging.Cursors;
import io.chatql.paging.PageSize;
import io.chatql.reading.ReadingRepository.ActivityKey;
import io.chatql.reading.ReadingRepository.ListedConversation;
import io.chatql.reading.ReadingRepository.Marker;
import io.chatql.system.BlockingWork;
import io.chatql.system.Caller;
import io.chatql.system.Inputs;
import io.chatql.user.Settings;
import io.chatql.user.User;
import io.chatql.user.UserRepository;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dataloader.DataLoader;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Controller
class ReadingController {

    /** The most receipts of one conversation an event carries: a second's worth, coalesced. */
    private static final int LARGEST_RECEIPT_BATCH = 10_000;

    private static final Duration RECEIPT_INTERVAL = Duration.ofSeconds(1);

    private final ReadingRepository repository;

    private final ReadStates states;

    private final ReadMarkers markers;

    private final UnreadWatch watch;

    private final ConversationAccess access;

    private final MessageLookup messages;

    private final UserRepository users;

    private final LiveEvents events;

    private final Cursors cursors;

    private final BlockingWork blocking;

    ReadingController(
            ReadingRepository repository,
            ReadStates states,
            ReadMarkers markers,
            UnreadWatch watch,
            ConversationAccess access,
            MessageLookup messages,
            UserRepository users,
            LiveEvents events,
            Cursors cursors,
            BlockingWork blocking,
            BatchLoaderRegistry loaders) {
        this.repository = repository;
        this.states = states;
        this.markers = markers;
        this.watch = watch;
        this.access = access;
        this.messages = messages;
        this.users = users;
        this.events = events;
        this.cursors = cursors;
        this.blocking = blocking;
        loaders.forTypePair(String.class, ReadState.class).registerMappedBatchLoader((conversationIds, batch) -> {
            Caller caller = Caller.of(batch.getContext());
            return blocking.of(() -> states.of(caller.id(), conversationIds).stream()
                    .collect(Collectors.toMap(ReadState::conversationId, Function.identity())));
        });
    }

    /** The caller's conversations, the latest activity first. */
    @QueryMapping
    Mono<ConversationList> conversationList(
            @Argument @Nullable Integer first, @Argument @Nullable String after, Caller caller) {
        PageSize size = PageSize.of(first);
        String scope = "conversation-list:" + caller.id();
        Cursors.Pair from = cursors.decodePair(scope, after);
        ActivityKey start = from == null ? null : new ActivityKey(instantOf(from.first()), from.second());
        return blocking.of(() -> {
            List<ListedConversation> rows = repository.listPage(caller.id(), start, size.fetchSize());
            List<ListedConversation> page = rows.subList(0, Math.min(rows.size(), size.value()));
            String nextToken = rows.size() > size.value()
                    ? cursors.encode(scope, keyOf(page.get(page.size() - 1).key()))
                    : null;
            return new ConversationList(
                    page.stream().map(ListedConversation::conversation).toList(), nextToken);
        });
    }

    @QueryMapping
    Mono<UnreadTotal> unreadTotal(Caller caller) {
        return blocking.of(() -> UnreadTotal.of(states.of(caller.id())));
    }

    /** The caller's counts in all their conversations, in two statements at most. */
    @QueryMapping
    Mono<UnreadCounts> unreadCounts(Caller caller) {
        return blocking.of(() -> UnreadCounts.of(states.of(caller.id())));
    }

    @MutationMapping
    Mono<Conversation> markRead(@Argument String conversationId, @Argument String messageId, Caller caller) {
        return blocking.of(() -> markers.markRead(caller.id(), conversationId, messageId));
    }

    @MutationMapping
    Mono<Settings> setReadReceipts(@Argument boolean enabled, Caller caller) {
        return blocking.of(() -> {
            markers.setReadReceipts(caller.id(), enabled);
            return new Settings(caller.id());
        });
    }

    @SchemaMapping(typeName = "Settings")
    Mono<Boolean> readReceipts(Settings settings) {
        return blocking.of(() -> markers.readReceipts(settings.userId()));
    }

    @SchemaMapping(typeName = "Conversation")
    CompletableFuture<Integer> unreadCount(Conversation conversation, DataLoader<String, ReadState> states) {
        return stateOf(conversation, states, ReadState::unreadCount);
    }

    @SchemaMapping(typeName = "Conversation")
    CompletableFuture<Integer> mentionCount(Conversation conversation, DataLoader<String, ReadState> states) {
        return stateOf(conversation, states, ReadState::mentionCount);
    }

    @SchemaMapping(typeName = "Conversation")
    CompletableFuture<String> lastReadMessageId(Conversation conversation, DataLoader<String, ReadState> states) {
        return stateOf(conversation, states, ReadState::lastReadMessageId);
    }

    /** The newest message of each conversation, for its members only. */
    @BatchMapping(typeName = "Conversation")
    Mono<Map<Conversation, Message>> lastMessage(List<Conversation> conversations, GraphQLContext context) {
        Caller caller = Caller.of(context);
        return blocking.of(() -> {
            Map<String, Message> newest = messages.newest(caller.id(), idsOf(conversations)).stream()
                    .collect(Collectors.toMap(Message::conversationId, Function.identity()));
            return byConversation(conversations, newest, Function.identity());
        });
    }

    @BatchMapping(typeName = "Conversation")
    Mono<Map<Conversation, String>> lastActivityAt(List<Conversation> conversations, GraphQLContext context) {
        Caller caller = Caller.of(context);
        return blocking.of(() -> byConversation(
                conversations,
                repository.activitiesOf(caller.id(), idsOf(conversations)),
                activity -> activity.toInstant().toString()));
    }

    /**
     * Who has read each message, among the members of its conversation other than its author who send
     * read receipts; no one for a viewer who sends none.
     */
    @BatchMapping(typeName = "Message")
    Mono<Map<Message, SeenBy>> seenBy(List<Message> page, GraphQLContext context) {
        Caller caller = Caller.of(context);
        return blocking.of(() -> {
            Map<Message, SeenBy> answers = new HashMap<>();
            if (!markers.readReceipts(caller.id())) {
                page.forEach(message -> answers.put(message, SeenBy.NO_ONE));
                return answers;
            }
            long least = page.stream().mapToLong(Message::sequence).min().orElse(0);
            Map<String, List<Marker>> byConversation =
                    repository
                            .receiptsOf(
                                    page.stream().map(Message::conversationId).collect(Collectors.toSet()), least)
                            .stream()
                            .collect(Collectors.groupingBy(Marker::conversationId));
            page.forEach(message -> answers.put(
                    message, seenBy(message, byConversation.getOrDefault(message.conversationId(), List.of()))));
            return answers;
        });
    }

    /** The caller's counts as they change, on any of their devices. */
    @SubscriptionMapping
    LiveFeed<UnreadChange> subscribeToUnreadChanges(Caller caller) {
        return LiveFeed.of(watch.changesOf(caller.id()));
    }

    /**
     * The read receipts of a conversation's other members, at most one event a second: none for a
     * subscriber who sends none.
     */
    @SubscriptionMapping
    LiveFeed<ReadReceipt.Batch> subscribeToReadReceipts(@Argument String conversationId, Caller caller) {
        Inputs.requireId("conversationId", conversationId);
        AtomicBoolean shown = new AtomicBoolean();
        Flux<ReadReceipt.Batch> receipts = events.stream(ReadMarkerMoved.class, conversationId)
                .filter(moved ->
                        shown.get() && moved.receipts() && !moved.userId().equals(caller.id()))
                .bufferTimeout(LARGEST_RECEIPT_BATCH, RECEIPT_INTERVAL)
                .map(moves -> ReadReceipt.Batch.of(conversationId, moves));
        return LiveFeed.of(receipts).authorizedBy(blocking.run(() -> {
            access.requireMember(caller.id(), conversationId);
            shown.set(markers.readReceipts(caller.id()));
        }));
    }

    @BatchMapping(typeName = "ReadReceipt")
    Mono<Map<ReadReceipt, User>> user(List<ReadReceipt> receipts) {
        return blocking.of(() -> {
            Map<String, User> byId =
                    users.findAllById(receipts.stream().map(ReadReceipt::userId).collect(Collectors.toSet())).stream()
                            .collect(Collectors.toMap(User::id, Function.identity()));
            return answers(receipts, byId, ReadReceipt::userId, Function.identity());
        });
    }

    /** Counts, markers, activity and who has read what depend on who asks. */
    @Bean
    static SubscriptionSharing readingSharing() {
        return SubscriptionSharing.viewerDependent(
                "unreadCount", "mentionCount", "lastReadMessageId", "lastActivityAt", "lastMessage", "seenBy");
    }

    /**
     * The caller's read state of the conversation, loaded with those of the other conversations of the
     * same page, for all the fields that show a part of it, in one statement.
     */
    private static <R> CompletableFuture<@Nullable R> stateOf(
            Conversation conversation, DataLoader<String, ReadState> states, Function<ReadState, R> part) {
        return states.load(conversation.id()).thenApply(state -> state == null ? null : part.apply(state));
    }

    private static SeenBy seenBy(Message message, List<Marker> markers) {
        List<User> readers = markers.stream()
                .filter(marker -> marker.readSequence() >= message.sequence()
                        && !marker.user().id().equals(message.sender()))
                .map(Marker::user)
                .toList();
        return new SeenBy(readers.size(), readers.subList(0, Math.min(readers.size(), SeenBy.MOST_NAMED)));
    }

    private static Set<String> idsOf(List<Conversation> conversations) {
        return conversations.stream().map(Conversation::id).collect(Collectors.toSet());
    }

    private static <V, R> Map<Conversation, R> byConversation(
            List<Conversation> conversations, Map<String, V> byId, Function<V, R> answer) {
        return answers(conversations, byId, Conversation::id, answer);
    }

    /** The answer for each item whose key has a value; the others are left out, and so are null. */
    private static <I, V, R> Map<I, R> answers(
            List<I> items, Map<String, V> byId, Function<I, String> key, Function<V, R> answer) {
        Map<I, R> answers = new HashMap<>();
        for (I item : items) {
            V value = byId.get(key.apply(item));
            if (value != null) {
                R result = answer.apply(value);
                if (result != null) {
                    answers.put(item, result);
                }
            }
        }
        return answers;
    }

    private static Cursors.Pair keyOf(ActivityKey key) {
        Instant activity = key.activity().toInstant();
        return new Cursors.Pair(ChronoUnit.MICROS.between(Instant.EPOCH, activity), key.position());
    }

    private static OffsetDateTime instantOf(long micros) {
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}

package io.chatql.realtime;

import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.InlineFragment;
import graphql.language.Node;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;
import io.chatql.live.LiveFeed;
import io.chatql.live.SubscriptionSharing;
import io.chatql.system.FellBehindException;
import io.chatql.system.ParsedDocumentCache;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.HandshakeInfo;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

/**
 * Runs the operations of real-time connections, sharing live subscriptions: subscribers of the same
 * operation (document, operation name and variables, {@code after} aside) that see the same data form
 * a group, whose live events are executed and serialized once for all of them.
 *
 * <p>A subscriber first runs its own request to check that it may subscribe. It then joins its group,
 * starting the group's one live execution if it is the first, and waits until that execution listens
 * to events. A subscriber that resumes ({@code after}) then runs its own request once more to catch up
 * on what was stored since; the group's events it already had from the catch-up are skipped, so there
 * is no gap and no duplicate.
 *
 * <p>The features declare, with {@link SubscriptionSharing} beans, which subscriptions may be shared
 * and which fields answer depending on who asks; a document that selects one of those is shared only
 * among one user's subscriptions. A shared subscription returns a {@link LiveFeed}, which {@link
 * LiveFeedFetchers} run in the mode each execution needs. Operations are read through the {@link
 * ParsedDocumentCache}, so that each is parsed once for all its runs and for HTTP alike.
 */
@Component
class SharedSubscriptions implements SmartInitializingSingleton {

    static final int MEMBER_BUFFER = 1024;

    private final GraphQlOperations operations;

    private final ParsedDocumentCache documents;

    private final LiveFeedFetchers feeds;

    /** The subscription fields whose live events can be shared. */
    private final Set<String> shareable = new HashSet<>();

    /** The fields whose values depend on who asks. */
    private final Set<String> viewerDependent = new HashSet<>();

    private final Map<GroupKey, Group> groups = new ConcurrentHashMap<>();

    private final AtomicInteger listeningGroups = new AtomicInteger();

    private final AtomicInteger liveMembers = new AtomicInteger();

    SharedSubscriptions(
            GraphQlOperations operations,
            ParsedDocumentCache documents,
            LiveFeedFetchers feeds,
            ObjectProvider<SubscriptionSharing> declarations) {
        this.operations = operations;
        this.documents = documents;
        this.feeds = feeds;
        declarations.orderedStream().forEach(declared -> {
            shareable.addAll(declared.shareable());
            viewerDependent.addAll(declared.viewerDependent());
        });
    }

    /** Refuses to start when a subscription declared shareable cannot be run in parts. */
    @Override
    public void afterSingletonsInstantiated() {
        for (String field : shareable) {
            if (!feeds.returnsFeed(field)) {
                throw new IllegalStateException("The subscription " + field
                        + " is declared shareable, so its data fetcher must return a LiveFeed");
            }
        }
    }

    /**
     * The serialized results of one operation of a connection, run as {@code user}, calling {@code
     * listening} once a subscription receives every event from then on.
     */
    Flux<GraphQlOperations.Result> run(
            HandshakeInfo handshake, String id, Map<String, Object> request, Authentication user, Runnable listening) {
        Optional<Sharing> sharing = sharing(request, user);
        if (sharing.isEmpty()) {
            return operations.execute(handshake, id, request, user, SubscriptionMode.LIVE, listening);
        }
        Sharing shared = sharing.get();
        return operations
                .execute(handshake, id, request, user, SubscriptionMode.AUTHORIZE)
                .thenMany(Flux.defer(() -> follow(shared, handshake, id, request, user, listening)));
    }

    /** How many groups' executions listen to events on this node. */
    int listeningGroups() {
        return listeningGroups.get();
    }

    /** How many subscribers receive their group's live events on this node. */
    int liveMembers() {
        return liveMembers.get();
    }

    private Flux<GraphQlOperations.Result> follow(
            Sharing sharing,
            HandshakeInfo handshake,
            String id,
            Map<String, Object> request,
            Authentication user,
            Runnable memberListening) {
        Group group = groups.compute(
                sharing.key(),
                (key, existing) -> (existing == null || existing.ended() ? new Group() : existing).hold());
        Sinks.Many<GraphQlOperations.Result> member = group.join();
        group.startOnce(
                listening -> operations.execute(
                        handshake, "shared", sharing.leaderRequest(), user, SubscriptionMode.LIVE, listening),
                listeningGroups);
        AtomicLong caughtUp = new AtomicLong(Long.MIN_VALUE);
        Flux<GraphQlOperations.Result> catchUp = sharing.resumes()
                ? operations
                        .execute(handshake, id, request, user, SubscriptionMode.CATCH_UP)
                        .doOnNext(result -> caughtUp.set(result.position()))
                : Flux.empty();
        AtomicBoolean live = new AtomicBoolean();
        return group.listening()
                .then(Mono.fromRunnable(memberListening))
                .thenMany(catchUp)
                .concatWith(Flux.defer(() -> {
                    live.set(true);
                    liveMembers.incrementAndGet();
                    return member.asFlux().filter(result -> result.position() > caughtUp.get());
                }))
                .doFinally(signal -> {
                    if (live.get()) {
                        liveMembers.decrementAndGet();
                    }
                    group.leave(member);
                    groups.computeIfPresent(
                            sharing.key(), (key, current) -> current != group || !group.release() ? current : null);
                });
    }

    /** The group an operation belongs to, if it can be shared. */
    private Optional<Sharing> sharing(Map<String, Object> request, Authentication user) {
        if (!(request.get("query") instanceof String query)) {
            return Optional.empty();
        }
        PreparsedDocumentEntry parsed = documents.document(query);
        if (parsed.hasErrors()) {
            return Optional.empty();
        }
        Document document = parsed.getDocument();
        String operationName = request.get("operationName") instanceof String name ? name : null;
        Optional<Field> root = Sharing.rootField(document, operationName);
        if (root.isEmpty() || !shareable.contains(root.get().getName())) {
            return Optional.empty();
        }
        Argument after = root.get().getArguments().stream()
                .filter(argument -> argument.getName().equals("after"))
                .findFirst()
                .orElse(null);
        if (after != null && !(after.getValue() instanceof VariableReference)) {
            return Optional.empty();
        }
        Map<String, Object> variables = new HashMap<>(Protocol.mapOf(request.get("variables")));
        boolean resumes = after != null && variables.remove(((VariableReference) after.getValue()).getName()) != null;
        Map<String, Object> leaderRequest = new HashMap<>(request);
        leaderRequest.put("variables", variables);
        String visibility = Sharing.selectsAny(document, viewerDependent) ? user.getName() : "";
        return Optional.of(new Sharing(
                new GroupKey(query, String.valueOf(operationName), variables, visibility), leaderRequest, resumes));
    }

    /** The group of a shareable operation, the request its shared execution runs, and whether it resumes. */
    private record Sharing(GroupKey key, Map<String, Object> leaderRequest, boolean resumes) {

        private static Optional<Field> rootField(Document document, @Nullable String operationName) {
            List<OperationDefinition> operations = document.getDefinitionsOfType(OperationDefinition.class).stream()
                    .filter(operation -> operationName == null || operationName.equals(operation.getName()))
                    .toList();
            if (operations.size() != 1
                    || operations.get(0).getOperation() != OperationDefinition.Operation.SUBSCRIPTION) {
                return Optional.empty();
            }
            List<Selection> selections = operations.get(0).getSelectionSet().getSelections();
            return selections.size() == 1 && selections.get(0) instanceof Field field
                    ? Optional.of(field)
                    : Optional.empty();
        }

        private static boolean selectsAny(Document document, Set<String> names) {
            for (Node<?> definition : document.getDefinitions()) {
                SelectionSet selections = definition instanceof OperationDefinition operation
                        ? operation.getSelectionSet()
                        : definition instanceof FragmentDefinition fragment ? fragment.getSelectionSet() : null;
                if (selections != null && selectsAny(selections, names)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean selectsAny(SelectionSet selections, Set<String> names) {
            for (Selection<?> selection : selections.getSelections()) {
                SelectionSet nested = null;
                if (selection instanceof Field field) {
                    if (names.contains(field.getName())) {
                        return true;
                    }
                    nested = field.getSelectionSet();
                } else if (selection instanceof InlineFragment fragment) {
                    nested = fragment.getSelectionSet();
                }
                if (nested != null && selectsAny(nested, names)) {
                    return true;
                }
            }
            return false;
        }
    }

    private record GroupKey(String document, String operationName, Map<String, Object> variables, String visibility) {}

    /** One shared live execution and its members. */
    private static final class Group {

        private final Set<Sinks.Many<GraphQlOperations.Result>> members = ConcurrentHashMap.newKeySet();

        private final Sinks.One<Void> listening = Sinks.one();

        private final AtomicBoolean started = new AtomicBoolean();

        private final AtomicBoolean ended = new AtomicBoolean();

        private volatile @Nullable Disposable execution;

        private int holders;

        /** Counts one more member; called under the map's lock for this group's key. */
        Group hold() {
            holders++;
            return this;
        }

        /** Counts one member less and, with the last, ends the execution; under the map's lock. */
        boolean release() {
            if (--holders > 0) {
                return false;
            }
            ended.set(true);
            Disposable running = execution;
            if (running != null) {
                running.dispose();
            }
            return true;
        }

        boolean ended() {
            return ended.get();
        }

        Sinks.Many<GraphQlOperations.Result> join() {
            Sinks.Many<GraphQlOperations.Result> member = Sinks.many()
                    .unicast()
                    .onBackpressureBuffer(
                            Queues.<GraphQlOperations.Result>get(MEMBER_BUFFER).get());
            members.add(member);
            return member;
        }

        void leave(Sinks.Many<GraphQlOperations.Result> member) {
            members.remove(member);
        }

        /** Completes once the group's execution listens to events, or fails with it. */
        Mono<Void> listening() {
            return listening.asMono();
        }

        /** Starts the group's execution unless it runs already, counting it in {@code listeningGroups}. */
        void startOnce(Function<Runnable, Flux<GraphQlOperations.Result>> execution, AtomicInteger listeningGroups) {
            if (!started.compareAndSet(false, true)) {
                return;
            }
            AtomicBoolean counted = new AtomicBoolean();
            this.execution = execution
                    .apply(() -> {
                        if (counted.compareAndSet(false, true)) {
                            listeningGroups.incrementAndGet();
                        }
                        listening.tryEmitEmpty();
                    })
                    .doFinally(signal -> {
                        if (counted.get()) {
                            listeningGroups.decrementAndGet();
                        }
                    })
                    .subscribe(
                            result -> Outbound.batch(() -> members.forEach(member -> deliver(member, result))),
                            failure -> {
                                ended.set(true);
                                listening.tryEmitError(failure);
                                members.forEach(member -> member.tryEmitError(failure));
                            },
                            () -> {
                                ended.set(true);
                                listening.tryEmitEmpty();
                                members.forEach(Sinks.Many::tryEmitComplete);
                            });
        }

        private static void deliver(Sinks.Many<GraphQlOperations.Result> member, GraphQlOperations.Result result) {
            if (member.tryEmitNext(result).isFailure()) {
                member.tryEmitError(new FellBehindException(MEMBER_BUFFER));
            }
        }
    }
}

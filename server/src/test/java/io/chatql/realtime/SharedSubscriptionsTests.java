package io.chatql.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.mockito.Mockito.mock;

import graphql.schema.DataFetchingEnvironment;
import io.chatql.live.LiveEvents;
import io.chatql.live.LiveFeed;
import io.chatql.live.SubscriptionSharing;
import io.chatql.presence.PresenceConnections;
import io.chatql.system.FellBehindException;
import io.chatql.system.ParsedDocumentCache;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.execution.SelfDescribingDataFetcher;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.reactive.socket.HandshakeInfo;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscribers of one operation share one live execution: joining, leaving and releasing a group,
 * alone and many at once, over operations run by a fake instead of GraphQL.
 */
class SharedSubscriptionsTests {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final String SCHEMA = """
            type Query { ping: Int }
            type Subscription {
              subscribeToNewMessage(conversationId: ID!, after: String): Message
              subscribeToNewUsers: Message
              subscribeToNewUCs(userId: ID!): Message
            }
            type Message { id: ID, messages: [Message] }
            """;

    private static final String MESSAGES =
            "subscription($c: ID!, $after: String) { subscribeToNewMessage(conversationId: $c, after: $after) { id } }";

    private static final String VIEWER_DEPENDENT =
            "subscription($c: ID!) { subscribeToNewMessage(conversationId: $c) { id messages { id } } }";

    private static final HandshakeInfo HANDSHAKE =
            new HandshakeInfo(URI.create("ws://localhost/graphql"), new HttpHeaders(), Mono.empty(), null);

    private final FakeOperations operations = new FakeOperations();

    private final SharedSubscriptions shared =
            sharing(SubscriptionSharing.shareable("subscribeToNewMessage").andViewerDependent("messages"));

    private final List<Disposable> subscribers = new CopyOnWriteArrayList<>();

    @AfterEach
    void cancelSubscribers() {
        subscribers.forEach(Disposable::dispose);
    }

    @Test
    void subscribersOfOneOperationShareOneLiveExecution() {
        List<String> alice = follow(MESSAGES, "c1", "alice");
        List<String> bob = follow(MESSAGES, "c1", "bob");
        awaitLiveMembers(2);

        operations.publish("c1", 1);

        awaitResults(alice, 1);
        awaitResults(bob, 1);
        assertThat(operations.liveExecutions.get()).isEqualTo(1);
        assertThat(shared.listeningGroups()).isEqualTo(1);
        assertThat(alice).containsExactly("c1:1");
    }

    @Test
    void aSubscriberIsToldOnceItsGroupsExecutionListensAndNotBefore() {
        List<Integer> liveExecutionsWhenTold = new CopyOnWriteArrayList<>();
        Authentication alice = UsernamePasswordAuthenticationToken.authenticated("alice", null, List.of());
        Flux<GraphQlOperations.Result> results = shared.run(
                HANDSHAKE,
                "alice",
                Map.of("query", MESSAGES, "variables", Map.of("c", "c1")),
                alice,
                () -> liveExecutionsWhenTold.add(operations.running.get()));

        assertThat(liveExecutionsWhenTold).isEmpty();
        subscribers.add(results.subscribe());
        assertThat(liveExecutionsWhenTold).containsExactly(1);
    }

    @Test
    void otherVariablesMakeAnotherGroup() {
        follow(MESSAGES, "c1", "alice");
        follow(MESSAGES, "c2", "alice");
        awaitLiveMembers(2);

        assertThat(operations.liveExecutions.get()).isEqualTo(2);
        assertThat(shared.listeningGroups()).isEqualTo(2);
    }

    @Test
    void aDocumentWithViewerDependentFieldsIsSharedOnlyAmongOneUsersSubscriptions() {
        follow(VIEWER_DEPENDENT, "c1", "alice");
        follow(VIEWER_DEPENDENT, "c1", "alice");
        follow(VIEWER_DEPENDENT, "c1", "bob");
        awaitLiveMembers(3);

        assertThat(operations.liveExecutions.get()).isEqualTo(2);
    }

    @Test
    void aSubscriptionNotDeclaredShareableRunsOnItsOwn() {
        String users = "subscription { subscribeToNewUCs(userId: \"alice\") { id } }";
        run(users, Map.of(), "alice").subscribe();
        run(users, Map.of(), "alice").subscribe();

        assertThat(operations.liveExecutions.get()).isEqualTo(2);
        assertThat(operations.authorizations.get()).isZero();
        assertThat(shared.listeningGroups()).isZero();
    }

    @Test
    void theLastSubscriberToLeaveEndsTheExecutionAndTheNextStartsAnother() {
        follow(MESSAGES, "c1", "alice");
        follow(MESSAGES, "c1", "bob");
        awaitLiveMembers(2);

        subscribers.remove(0).dispose();
        assertThat(operations.running.get()).isEqualTo(1);
        subscribers.remove(0).dispose();
        assertThat(operations.running.get()).isZero();
        assertThat(shared.listeningGroups()).isZero();
        assertThat(shared.liveMembers()).isZero();

        List<String> carol = follow(MESSAGES, "c1", "carol");
        awaitLiveMembers(1);
        operations.publish("c1", 7);

        awaitResults(carol, 1);
        assertThat(operations.liveExecutions.get()).isEqualTo(2);
    }

    @Test
    void aResumingSubscriberCatchesUpAloneAndSkipsTheLiveEventsItHas() {
        List<String> alice = follow(MESSAGES, "c1", "alice");
        awaitLiveMembers(1);
        operations.stored.addAll(List.of(2L, 3L));

        List<String> bob = follow(MESSAGES, Map.of("c", "c1", "after", "m1"), "bob");
        awaitLiveMembers(2);
        operations.publish("c1", 3);
        operations.publish("c1", 4);

        awaitResults(alice, 2);
        awaitResults(bob, 3);
        assertThat(bob).containsExactly("c1:2", "c1:3", "c1:4");
        assertThat(operations.catchUps.get()).isEqualTo(1);
    }

    @Test
    void manySubscribersJoiningAndLeavingAtOnceLeaveNoGroupBehind() throws Exception {
        int threads = 4;
        int rounds = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<Void>> workers = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                String user = "user" + thread;
                workers.add(CompletableFuture.runAsync(
                        () -> {
                            await(start);
                            for (int round = 0; round < rounds; round++) {
                                Disposable joined =
                                        run(MESSAGES, Map.of("c", "busy"), user).subscribe(result -> {}, error -> {});
                                joined.dispose();
                            }
                        },
                        pool));
            }
            start.countDown();
            CompletableFuture.allOf(workers.toArray(CompletableFuture[]::new))
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }

        assertThat(operations.running.get()).isZero();
        assertThat(shared.listeningGroups()).isZero();
        assertThat(shared.liveMembers()).isZero();
        List<String> late = follow(MESSAGES, "busy", "late");
        awaitLiveMembers(1);
        operations.publish("busy", 1);
        awaitResults(late, 1);
    }

    @Test
    void manySubscribersJoiningAtOnceEachReceiveEveryEventOnce() throws Exception {
        int members = 20;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<List<String>> received = new CopyOnWriteArrayList<>();
        try {
            List<CompletableFuture<Void>> joins = new ArrayList<>();
            for (int member = 0; member < members; member++) {
                String user = "user" + member;
                joins.add(CompletableFuture.runAsync(() -> received.add(follow(MESSAGES, "crowd", user)), pool));
            }
            CompletableFuture.allOf(joins.toArray(CompletableFuture[]::new)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        awaitLiveMembers(members);

        for (long position = 1; position <= 5; position++) {
            operations.publish("crowd", position);
        }

        for (List<String> results : received) {
            awaitResults(results, 5);
            assertThat(results).containsExactly("crowd:1", "crowd:2", "crowd:3", "crowd:4", "crowd:5");
        }
        assertThat(operations.liveExecutions.get()).isEqualTo(1);
    }

    @Test
    void aMemberThatFallsBehindIsToldToResumeWhileTheOthersGoOn() {
        Flux<GraphQlOperations.Result> stalled = run(MESSAGES, Map.of("c", "c1"), "stalled");
        List<String> reader = follow(MESSAGES, "c1", "reader");

        StepVerifier.create(stalled, 0)
                .then(() -> {
                    awaitLiveMembers(2);
                    for (long position = 1; position <= SharedSubscriptions.MEMBER_BUFFER + 1; position++) {
                        operations.publish("c1", position);
                    }
                })
                .thenRequest(Long.MAX_VALUE)
                .expectNextCount(SharedSubscriptions.MEMBER_BUFFER)
                .expectError(FellBehindException.class)
                .verify(TIMEOUT);
        awaitResults(reader, SharedSubscriptions.MEMBER_BUFFER + 1);
    }

    @Test
    void aFailedExecutionEndsEveryMemberAndTheNextSubscriberStartsAnew() {
        Flux<GraphQlOperations.Result> alice = run(MESSAGES, Map.of("c", "c1"), "alice");
        Flux<GraphQlOperations.Result> bob = run(MESSAGES, Map.of("c", "c1"), "bob");
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        subscribers.add(alice.subscribe(result -> {}, failures::add));
        subscribers.add(bob.subscribe(result -> {}, failures::add));
        awaitLiveMembers(2);

        operations.fail(new IllegalStateException("the database is gone"));

        awaitCondition(() -> failures.size() == 2);
        awaitCondition(() -> shared.liveMembers() == 0);
        assertThat(shared.listeningGroups()).isZero();
    }

    @Test
    void aSubscriptionDeclaredShareableWithoutAFeedStopsTheStart() {
        SharedSubscriptions misdeclared = sharing(SubscriptionSharing.shareable("subscribeToNewUsers"));

        assertThatIllegalStateException()
                .isThrownBy(misdeclared::afterSingletonsInstantiated)
                .withMessageContaining("subscribeToNewUsers is declared shareable");
    }

    private SharedSubscriptions sharing(SubscriptionSharing declaration) {
        LiveFeedFetchers feeds =
                new LiveFeedFetchers(new ConnectionRegistry(mock(LiveEvents.class), mock(PresenceConnections.class)));
        GraphQlSource.SchemaResourceBuilder builder = GraphQlSource.schemaResourceBuilder()
                .schemaResources(new ByteArrayResource(SCHEMA.getBytes()))
                .configureRuntimeWiring(wiring -> wiring.type(
                        "Subscription",
                        type -> type.dataFetcher("subscribeToNewMessage", new FeedFetcher())
                                .dataFetcher("subscribeToNewUsers", environment -> Flux.empty())
                                .dataFetcher("subscribeToNewUCs", environment -> Flux.empty())));
        feeds.customize(builder);
        GraphQlSource source = builder.build();
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("graphQlSource", source);
        beans.addBean("declaration", declaration);
        SharedSubscriptions subscriptions = new SharedSubscriptions(
                operations,
                new ParsedDocumentCache(beans.getBeanProvider(GraphQlSource.class)),
                feeds,
                beans.getBeanProvider(SubscriptionSharing.class));
        return subscriptions;
    }

    private Flux<GraphQlOperations.Result> run(String query, Map<String, Object> variables, String user) {
        Authentication caller = UsernamePasswordAuthenticationToken.authenticated(user, null, List.of());
        return shared.run(HANDSHAKE, user, Map.of("query", query, "variables", variables), caller, () -> {});
    }

    private List<String> follow(String query, String conversationId, String user) {
        return follow(query, Map.of("c", conversationId), user);
    }

    /** Subscribes, collecting the results' texts. */
    private List<String> follow(String query, Map<String, Object> variables, String user) {
        List<String> results = new CopyOnWriteArrayList<>();
        subscribers.add(run(query, variables, user).subscribe(result -> results.add(result.json())));
        return results;
    }

    private void awaitLiveMembers(int count) {
        awaitCondition(() -> shared.liveMembers() == count);
    }

    private static void awaitResults(List<String> results, int count) {
        awaitCondition(() -> results.size() >= count);
        assertThat(results).hasSize(count);
    }

    private static void awaitCondition(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited too long").isLessThan(deadline);
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    /** Declares a subscription field that returns a feed, as a controller method would. */
    private static final class FeedFetcher implements SelfDescribingDataFetcher<LiveFeed<String>> {

        @Override
        public LiveFeed<String> get(DataFetchingEnvironment environment) {
            return LiveFeed.of(Flux.empty());
        }

        @Override
        public String getDescription() {
            return "subscribeToNewMessage";
        }

        @Override
        public ResolvableType getReturnType() {
            return ResolvableType.forClassWithGenerics(LiveFeed.class, String.class);
        }
    }

    /**
     * Runs operations as GraphQL would, without GraphQL: live executions follow the events published
     * to their conversation, and a catch-up returns what is stored.
     */
    private static final class FakeOperations extends GraphQlOperations {

        final AtomicInteger liveExecutions = new AtomicInteger();

        final AtomicInteger running = new AtomicInteger();

        final AtomicInteger authorizations = new AtomicInteger();

        final AtomicInteger catchUps = new AtomicInteger();

        final List<Long> stored = new CopyOnWriteArrayList<>();

        private final Sinks.Many<Event> events = Sinks.many().multicast().directBestEffort();

        FakeOperations() {
            super(null, JsonMapper.builder().build());
        }

        synchronized void publish(String conversationId, long position) {
            events.emitNext(new Event(conversationId, position), Sinks.EmitFailureHandler.FAIL_FAST);
        }

        synchronized void fail(Throwable failure) {
            events.emitError(failure, Sinks.EmitFailureHandler.FAIL_FAST);
        }

        @Override
        Flux<Result> execute(
                HandshakeInfo handshake,
                String id,
                Map<String, Object> body,
                Authentication user,
                SubscriptionMode mode,
                Runnable listening) {
            String conversationId =
                    String.valueOf(Protocol.mapOf(body.get("variables")).get("c"));
            return switch (mode) {
                case AUTHORIZE -> Flux.<Result>empty().doOnSubscribe(subscription -> authorizations.incrementAndGet());
                case CATCH_UP ->
                    Flux.fromIterable(stored)
                            .map(position -> result(conversationId, position))
                            .doOnSubscribe(subscription -> catchUps.incrementAndGet());
                case LIVE ->
                    Flux.defer(() -> {
                        liveExecutions.incrementAndGet();
                        running.incrementAndGet();
                        return events.asFlux()
                                .filter(event -> event.conversationId().equals(conversationId))
                                .map(event -> result(conversationId, event.position()))
                                .doOnSubscribe(subscription -> listening.run())
                                .doFinally(signal -> running.decrementAndGet());
                    });
            };
        }

        private static Result result(String conversationId, long position) {
            return new Result(conversationId + ":" + position, position, System.nanoTime());
        }

        private record Event(String conversationId, long position) {}
    }
}

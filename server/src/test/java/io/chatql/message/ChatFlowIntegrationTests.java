package io.chatql.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;

/** The flow of the original ChatQL client, from sign-up to paging back through history. */
abstract class ChatFlowIntegrationTests extends IntegrationTest {

    @Test
    void twoUsersChatInRealTimeAndPageBackThroughHistory() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        register(alice);
        register(bob);
        String conversationId = startConversation(alice, bob);

        for (Account member : List.of(alice, bob)) {
            graphQl(member)
                    .documentName("getUserConversationConnectionThroughUser")
                    .variable("first", 10)
                    .execute()
                    .path("me.conversations.userConversations[*].conversationId")
                    .entityList(String.class)
                    .contains(conversationId);
        }

        int subscribersBefore = subscribers.count();
        WebSocketGraphQlTester aliceSocket = webSocket(alice);
        WebSocketGraphQlTester bobSocket = webSocket(bob);
        CompletableFuture<List<String>> aliceReceives = receiveMessageIds(aliceSocket, conversationId, 25);
        CompletableFuture<List<String>> bobReceives = receiveMessageIds(bobSocket, conversationId, 25);
        awaitSubscribers(subscribersBefore + 2);

        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= 25; i++) {
            sent.add(send(i % 2 == 0 ? bob : alice, conversationId, "message " + i));
        }

        assertThat(aliceReceives.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).containsExactlyElementsOf(sent);
        assertThat(bobReceives.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).containsExactlyElementsOf(sent);
        aliceSocket.stop().block(TIMEOUT);
        bobSocket.stop().block(TIMEOUT);

        List<String> newestFirst = new ArrayList<>(sent);
        Collections.reverse(newestFirst);
        Page first = page(bob, conversationId, null, 10);
        Page second = page(bob, conversationId, first.nextToken(), 10);
        Page third = page(bob, conversationId, second.nextToken(), 10);
        assertThat(first.ids()).containsExactlyElementsOf(newestFirst.subList(0, 10));
        assertThat(second.ids()).containsExactlyElementsOf(newestFirst.subList(10, 20));
        assertThat(third.ids()).containsExactlyElementsOf(newestFirst.subList(20, 25));
        assertThat(first.nextToken()).isNotNull();
        assertThat(second.nextToken()).isNotNull();
        assertThat(third.nextToken()).isNull();
    }

    @Test
    void pagesHold20MessagesUnlessFirstSaysOtherwise() {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            newestFirst.add(0, send(alice, conversationId, "message " + i));
        }

        Page byDefault = page(alice, conversationId, null, null);

        assertThat(byDefault.ids()).containsExactlyElementsOf(newestFirst.subList(0, 20));
        assertThat(page(alice, conversationId, byDefault.nextToken(), null).ids())
                .containsExactlyElementsOf(newestFirst.subList(20, 25));
    }

    @Test
    void conversationMessagesPageLikeAllMessageConnection() {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        List<String> newestFirst = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            newestFirst.add(0, send(alice, conversationId, "message " + i));
        }

        GraphQlTester.Response first = graphQl(alice)
                .documentName("conversationMessages")
                .variable("first", 5)
                .execute();
        first.path("me.conversations.userConversations[0].conversation.messages.messages[*].id")
                .entityList(String.class)
                .containsExactly(newestFirst.subList(0, 5).toArray(String[]::new));
        String token = first.path("me.conversations.userConversations[0].conversation.messages.nextToken")
                .entity(String.class)
                .get();
        graphQl(alice)
                .documentName("conversationMessages")
                .variable("first", 5)
                .variable("after", token)
                .execute()
                .path("me.conversations.userConversations[0].conversation.messages.messages[*].id")
                .entityList(String.class)
                .containsExactly(newestFirst.subList(5, 7).toArray(String[]::new));
    }

    @Test
    void messageIsStoredWithTheCallerAsSenderAndItsCreatedAtAsSent() {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);

        graphQl(alice)
                .documentName("createMessage")
                .variable("id", "2024-05-01T10:00:00.000Z_6f1c1c2e-7d3b-4b8e-9a55-0a4c3b7f1e22")
                .variable("conversationId", conversationId)
                .variable("content", "hello")
                .variable("createdAt", "2024-05-01T10:00:00.000Z_6f1c1c2e-7d3b-4b8e-9a55-0a4c3b7f1e22")
                .execute()
                .path("createMessage.sender")
                .entity(String.class)
                .isEqualTo(alice.userId())
                .path("createMessage.createdAt")
                .entity(String.class)
                .isEqualTo("2024-05-01T10:00:00.000Z_6f1c1c2e-7d3b-4b8e-9a55-0a4c3b7f1e22")
                .path("createMessage.conversationId")
                .entity(String.class)
                .isEqualTo(conversationId);
    }

    @Test
    void orderFollowsArrivalNotTheClientsClock() {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        String now = send(alice, conversationId, "written now");
        String composedOfflineAnHourAgo = "2000-01-01T00:00:00.000Z_0b9d2b4e-3c1f-4d8a-8e0e-5a3f2c1d4b6a";
        graphQl(alice)
                .documentName("createMessage")
                .variable("id", composedOfflineAnHourAgo)
                .variable("conversationId", conversationId)
                .variable("content", "composed offline")
                .variable("createdAt", composedOfflineAnHourAgo)
                .execute()
                .path("createMessage.id")
                .entity(String.class)
                .isEqualTo(composedOfflineAnHourAgo);

        assertThat(page(alice, conversationId, null, 10).ids()).containsExactly(composedOfflineAnHourAgo, now);
    }

    @Test
    void retriedMessageIsStoredAndAnnouncedOnce() throws Exception {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        int subscribersBefore = subscribers.count();
        WebSocketGraphQlTester socket = webSocket(alice);
        CompletableFuture<List<String>> received = receiveMessageIds(socket, conversationId, 2);
        awaitSubscribers(subscribersBefore + 1);

        String id = "2024-05-01T10:00:00.000Z_2a0e2d55-1f0a-4c55-8a1e-2c8e0b8f9f10";
        for (int attempt = 0; attempt < 2; attempt++) {
            graphQl(alice)
                    .documentName("createMessage")
                    .variable("id", id)
                    .variable("conversationId", conversationId)
                    .variable("content", "sent twice")
                    .variable("createdAt", id)
                    .execute()
                    .path("createMessage.id")
                    .entity(String.class)
                    .isEqualTo(id);
        }
        String next = send(alice, conversationId, "sent once");

        assertThat(received.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).containsExactly(id, next);
        assertThat(page(alice, conversationId, null, 10).ids()).containsExactly(next, id);
        socket.stop().block(TIMEOUT);
    }

    @Test
    void postsArrivingTogetherAreEachStoredOnceAndDeliveredInTheOrderTheyAreStored() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        String conversationId = startConversation(alice, bob);
        int subscribersBefore = subscribers.count();
        WebSocketGraphQlTester socket = webSocket(bob);
        CompletableFuture<List<String>> received = receiveMessageIds(socket, conversationId, 40);
        awaitSubscribers(subscribersBefore + 1);

        List<String> ids = IntStream.range(0, 40)
                .mapToObj(i -> String.format("2024-05-01T10:00:%02d.000Z_%s", i, UUID.randomUUID()))
                .toList();
        ExecutorService posters = Executors.newFixedThreadPool(16);
        try {
            List<CompletableFuture<Void>> posts = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                Account author = i % 2 == 0 ? alice : bob;
                String id = ids.get(i);
                for (int attempt = 0; attempt < 2; attempt++) {
                    posts.add(CompletableFuture.runAsync(() -> post(author, conversationId, id), posters));
                }
            }
            CompletableFuture.allOf(posts.toArray(CompletableFuture[]::new)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } finally {
            posters.shutdown();
        }

        List<String> delivered = received.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        assertThat(delivered).containsExactlyInAnyOrderElementsOf(ids);
        List<String> stored =
                new ArrayList<>(page(alice, conversationId, null, 100).ids());
        Collections.reverse(stored);
        assertThat(delivered).containsExactlyElementsOf(stored);
        socket.stop().block(TIMEOUT);
    }

    @Test
    void anotherSenderCannotTakeAStoredMessageId() {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        String conversationId = startConversation(alice, bob);
        String id = send(alice, conversationId, "mine");

        graphQl(bob)
                .documentName("createMessage")
                .variable("id", id)
                .variable("conversationId", conversationId)
                .variable("content", "taken over")
                .variable("createdAt", id)
                .execute()
                .errors()
                .satisfy(errors -> assertThat(errors)
                        .singleElement()
                        .satisfies(error -> assertThat(error.getMessage()).contains("already taken")));
        assertThat(page(alice, conversationId, null, 10).ids()).containsExactly(id);
    }

    @Test
    void pagesNeverSkipOrRepeatWhileMessagesArrive() {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        List<String> older = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            older.add(0, send(alice, conversationId, "older " + i));
        }

        Page first = page(alice, conversationId, null, 5);
        for (int i = 0; i < 5; i++) {
            send(alice, conversationId, "arrived while paging " + i);
        }
        Page second = page(alice, conversationId, first.nextToken(), 5);
        send(alice, conversationId, "arrived while paging, again");
        Page third = page(alice, conversationId, second.nextToken(), 5);

        List<String> paged = new ArrayList<>(first.ids());
        paged.addAll(second.ids());
        paged.addAll(third.ids());
        assertThat(paged).containsExactlyElementsOf(older);
        assertThat(third.nextToken()).isNull();
    }

    @Test
    void listsPageByTheIdOfTheLastItemSeen() {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        String conversationId = startConversation(alice, bob);
        List<String> fromAlice = new ArrayList<>();
        List<String> all = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = send(alice, conversationId, "from alice " + i);
            fromAlice.add(0, id);
            all.add(0, id);
            all.add(0, send(bob, conversationId, "from bob " + i));
        }

        List<String> firstPage = messageIds(bob, "allMessage", conversationId, null, null, 4);
        List<String> secondPage = messageIds(bob, "allMessage", conversationId, null, firstPage.get(3), 100);
        assertThat(firstPage).containsExactlyElementsOf(all.subList(0, 4));
        assertThat(secondPage).containsExactlyElementsOf(all.subList(4, 12));

        List<String> aliceFirst = messageIds(bob, "allMessageFrom", conversationId, alice.userId(), null, 4);
        List<String> aliceRest =
                messageIds(bob, "allMessageFrom", conversationId, alice.userId(), aliceFirst.get(3), 4);
        assertThat(aliceFirst).containsExactlyElementsOf(fromAlice.subList(0, 4));
        assertThat(aliceRest).containsExactlyElementsOf(fromAlice.subList(4, 6));
    }

    @Test
    void usersOwnMessagesAndConversationsPageWithNextToken() {
        Account alice = signUp("alice");
        List<String> sent = new ArrayList<>();
        List<String> conversations = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            String conversationId = startConversation(alice);
            conversations.add(0, conversationId);
            for (int i = 0; i < 2; i++) {
                sent.add(0, send(alice, conversationId, "message " + i));
            }
        }

        GraphQlTester.Response firstMessages =
                graphQl(alice).documentName("myMessages").variable("first", 4).execute();
        String token =
                firstMessages.path("me.messages.nextToken").entity(String.class).get();
        List<String> messages = new ArrayList<>(firstMessages
                .path("me.messages.messages[*].id")
                .entityList(String.class)
                .get());
        GraphQlTester.Response restMessages = graphQl(alice)
                .documentName("myMessages")
                .variable("first", 4)
                .variable("after", token)
                .execute();
        messages.addAll(restMessages
                .path("me.messages.messages[*].id")
                .entityList(String.class)
                .get());
        restMessages.path("me.messages.nextToken").valueIsNull();
        assertThat(messages).containsExactlyElementsOf(sent);

        GraphQlTester.Response firstConversations = graphQl(alice)
                .documentName("getUserConversationConnectionThroughUser")
                .variable("first", 2)
                .execute();
        List<String> listed = new ArrayList<>(firstConversations
                .path("me.conversations.userConversations[*].conversationId")
                .entityList(String.class)
                .get());
        GraphQlTester.Response restConversations = graphQl(alice)
                .documentName("getUserConversationConnectionThroughUser")
                .variable("first", 2)
                .variable(
                        "after",
                        firstConversations
                                .path("me.conversations.nextToken")
                                .entity(String.class)
                                .get())
                .execute();
        listed.addAll(restConversations
                .path("me.conversations.userConversations[*].conversationId")
                .entityList(String.class)
                .get());
        restConversations.path("me.conversations.nextToken").valueIsNull();
        assertThat(listed).containsExactlyElementsOf(conversations);
    }

    @Test
    void allUserPagesThroughEveryUser() {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        Account carol = signUp("carol");

        List<String> seen = new ArrayList<>();
        String after = null;
        for (int pages = 0; pages < 1000; pages++) {
            List<String> page = graphQl(alice)
                    .documentName("getAllUsers")
                    .variable("first", 2)
                    .variable("after", after)
                    .execute()
                    .path("allUser[*].id")
                    .entityList(String.class)
                    .get();
            if (page.isEmpty()) {
                break;
            }
            seen.addAll(page);
            after = page.get(page.size() - 1);
        }

        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).containsSubsequence(alice.userId(), bob.userId(), carol.userId());
    }

    @Test
    void conversationIsIdempotentForItsCreatorAndRefusedToOthers() {
        Account alice = signUp("alice");
        Account mallory = signUp("mallory");
        String conversationId = startConversation(alice);

        graphQl(alice)
                .documentName("createConversation")
                .variable("id", conversationId)
                .variable("name", "again")
                .execute()
                .path("createConversation.name")
                .entity(String.class)
                .isEqualTo("with 0 others");
        graphQl(mallory)
                .documentName("createConversation")
                .variable("id", conversationId)
                .variable("name", "taken over")
                .execute()
                .errors()
                .expect(error -> error.getErrorType().toString().equals("BAD_REQUEST"))
                .verify()
                .path("createConversation")
                .valueIsNull();
    }

    @Test
    void addingAMemberTwiceReturnsTheExistingLink() {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        String conversationId = startConversation(alice, bob);

        graphQl(alice)
                .documentName("createUserConversations")
                .variable("conversationId", conversationId)
                .variable("userId", bob.userId())
                .execute()
                .path("createUserConversations.associated[*].userId")
                .entityList(String.class)
                .containsExactly(alice.userId(), bob.userId());
    }

    @Test
    void newUsersAndMembershipsAreAnnounced() throws Exception {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        int subscribersBefore = subscribers.count();
        WebSocketGraphQlTester aliceSocket = webSocket(alice);
        WebSocketGraphQlTester bobSocket = webSocket(bob);
        CompletableFuture<List<String>> newUsers = aliceSocket
                .documentName("subscribeToNewUsers")
                .executeSubscription()
                .toFlux("subscribeToNewUsers.username", String.class)
                .filter(username -> username.startsWith("carol"))
                .take(1)
                .collectList()
                .toFuture();
        CompletableFuture<List<String>> bobsNewConversations = bobSocket
                .documentName("subscribeToNewUCs")
                .variable("userId", bob.userId())
                .executeSubscription()
                .toFlux("subscribeToNewUCs.conversation.id", String.class)
                .take(1)
                .collectList()
                .toFuture();
        awaitSubscribers(subscribersBefore + 2);

        Account carol = signUp("carol");
        String conversationId = startConversation(alice, bob);

        assertThat(newUsers.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).containsExactly(carol.username());
        assertThat(bobsNewConversations.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS))
                .containsExactly(conversationId);
        aliceSocket.stop().block(TIMEOUT);
        bobSocket.stop().block(TIMEOUT);
    }

    @Test
    void authorsOfAPageAreLoadedInAFixedNumberOfStatements() {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        String conversationId = startConversation(alice, bob);
        for (int i = 0; i < 50; i++) {
            send(alice, conversationId, "from alice " + i);
            send(bob, conversationId, "from bob " + i);
        }

        long statementsForTen = statementsFor(alice, conversationId, 10);
        long statementsForHundred = statementsFor(alice, conversationId, 100);

        assertThat(statementsForHundred).isEqualTo(statementsForTen).isLessThanOrEqualTo(4);
    }

    @Test
    void idleSubscriptionsHoldNoThreads() throws Exception {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);
        int threadsBefore = Thread.activeCount();
        int subscribersBefore = subscribers.count();
        List<WebSocketGraphQlTester> sockets = new ArrayList<>();
        for (int connection = 0; connection < 5; connection++) {
            WebSocketGraphQlTester socket = webSocket(alice);
            sockets.add(socket);
            for (int subscription = 0; subscription < 40; subscription++) {
                receiveMessageIds(socket, conversationId, 1);
            }
        }
        awaitSubscribers(subscribersBefore + 200);

        assertThat(Thread.activeCount() - threadsBefore).isLessThan(20);
        for (WebSocketGraphQlTester socket : sockets) {
            socket.stop().block(TIMEOUT);
        }
    }

    private long statementsFor(Account caller, String conversationId, int first) {
        return statementsOf(() -> graphQl(caller)
                .documentName("pageWithAuthors")
                .variable("conversationId", conversationId)
                .variable("first", first)
                .execute()
                .path("allMessageConnection.messages[*].author.username")
                .entityList(String.class)
                .hasSize(first));
    }

    private CompletableFuture<List<String>> receiveMessageIds(
            WebSocketGraphQlTester socket, String conversationId, int count) {
        return socket.documentName("subscribeToNewMessage")
                .variable("conversationId", conversationId)
                .executeSubscription()
                .toFlux("subscribeToNewMessage.id", String.class)
                .take(count)
                .collectList()
                .toFuture();
    }

    private List<String> messageIds(
            Account caller, String query, String conversationId, String sender, String after, int first) {
        return graphQl(caller)
                .documentName(query)
                .variable("conversationId", conversationId)
                .variable("sender", sender)
                .variable("after", after)
                .variable("first", first)
                .execute()
                .path(query + "[*].id")
                .entityList(String.class)
                .get();
    }

    private void post(Account author, String conversationId, String id) {
        graphQl(author)
                .documentName("createMessage")
                .variable("id", id)
                .variable("conversationId", conversationId)
                .variable("content", "posted at once " + id)
                .variable("createdAt", id)
                .execute()
                .path("createMessage.id")
                .entity(String.class)
                .isEqualTo(id);
    }

    private Page page(Account caller, String conversationId, String after, Integer first) {
        GraphQlTester.Response response = graphQl(caller)
                .documentName("getConversationMessages")
                .variable("conversationId", conversationId)
                .variable("after", after)
                .variable("first", first)
                .execute();
        return new Page(
                response.path("allMessageConnection.messages[*].id")
                        .entityList(String.class)
                        .get(),
                (String) response.path("allMessageConnection")
                        .entity(Map.class)
                        .get()
                        .get("nextToken"));
    }

    private record Page(List<String> ids, String nextToken) {}
}

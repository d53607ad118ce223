package io.chatql.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.ChatClient;
import io.chatql.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import reactor.test.StepVerifier;

/** Only members read, post to, subscribe to, see the members of, and add members to a conversation. */
abstract class AuthorizationIntegrationTests extends IntegrationTest {

    @Test
    void nonMemberCannotReadMessages() {
        Account alice = signUp("alice");
        Account mallory = signUp("mallory");
        String conversationId = startConversation(alice);
        send(alice, conversationId, "private");

        expectNotFound(graphQl(mallory)
                .documentName("getConversationMessages")
                .variable("conversationId", conversationId)
                .execute());
        expectNotFound(graphQl(mallory)
                .documentName("allMessage")
                .variable("conversationId", conversationId)
                .execute());
        expectNotFound(graphQl(mallory)
                .documentName("allMessageFrom")
                .variable("conversationId", conversationId)
                .variable("sender", alice.userId())
                .execute());
    }

    @Test
    void nonMemberCannotPost() {
        Account alice = signUp("alice");
        Account mallory = signUp("mallory");
        String conversationId = startConversation(alice);

        expectNotFound(graphQl(mallory)
                .documentName("createMessage")
                .variable("id", "2024-05-01T10:00:00.000Z_7e0e4d1b-5f3a-4c2b-9d8e-1a2b3c4d5e6f")
                .variable("conversationId", conversationId)
                .variable("content", "let me in")
                .variable("createdAt", "2024-05-01T10:00:00.000Z_7e0e4d1b-5f3a-4c2b-9d8e-1a2b3c4d5e6f")
                .execute());
        graphQl(alice)
                .documentName("getConversationMessages")
                .variable("conversationId", conversationId)
                .execute()
                .path("allMessageConnection.messages")
                .entityList(Object.class)
                .hasSize(0);
    }

    @Test
    void nonMemberCannotAddMembersNorJoin() {
        Account alice = signUp("alice");
        Account mallory = signUp("mallory");
        Account eve = signUp("eve");
        String conversationId = startConversation(alice);

        for (Account added : List.of(mallory, eve)) {
            expectNotFound(graphQl(mallory)
                    .documentName("createUserConversations")
                    .variable("conversationId", conversationId)
                    .variable("userId", added.userId())
                    .execute());
        }
        graphQl(alice)
                .documentName("getUserConversationConnectionThroughUser")
                .execute()
                .path("me.conversations.userConversations[0].associated[*].userId")
                .entityList(String.class)
                .containsExactly(alice.userId());
    }

    @Test
    void nonMemberCannotSubscribe() {
        Account alice = signUp("alice");
        Account mallory = signUp("mallory");
        String conversationId = startConversation(alice);
        WebSocketGraphQlTester socket = webSocket(mallory);

        StepVerifier.create(socket.documentName("subscribeToNewMessage")
                        .variable("conversationId", conversationId)
                        .executeSubscription()
                        .toFlux())
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("NOT_FOUND"))
                .verify(TIMEOUT);
        socket.stop().block(TIMEOUT);
    }

    @Test
    void nobodySubscribesToAnotherUsersNewConversations() {
        Account alice = signUp("alice");
        Account mallory = signUp("mallory");
        WebSocketGraphQlTester socket = webSocket(mallory);

        StepVerifier.create(socket.documentName("subscribeToNewUCs")
                        .variable("userId", alice.userId())
                        .executeSubscription()
                        .toFlux())
                .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("FORBIDDEN"))
                .verify(TIMEOUT);
        socket.stop().block(TIMEOUT);
    }

    @Test
    void anotherUsersConversationsAndMessagesShowOnlyWhatIsShared() {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        Account carol = signUp("carol");
        String shared = startConversation(alice, bob);
        String bobAndCarol = startConversation(bob, carol);
        String sharedMessage = send(bob, shared, "to alice");
        send(bob, bobAndCarol, "to carol only");

        GraphQlTester.Response views =
                graphQl(alice).documentName("memberViews").execute();

        views.path("me.conversations.userConversations[*].associated[?(@.user.id == '" + bob.userId()
                        + "')].user.conversations.userConversations[*].conversationId")
                .entityList(String.class)
                .containsExactly(shared);
        views.path("me.conversations.userConversations[*].associated[?(@.user.id == '" + bob.userId()
                        + "')].user.messages.messages[*].id")
                .entityList(String.class)
                .containsExactly(sharedMessage);
    }

    @Test
    void everyoneSignedInListsAllUsers() {
        Account before = signUp("before");
        Account alice = signUp("alice");
        Account loner = signUp("loner");

        graphQl(loner)
                .documentName("getAllUsers")
                .variable("first", 2)
                .variable("after", before.userId())
                .execute()
                .path("allUser[*].username")
                .entityList(String.class)
                .containsExactly(alice.username(), loner.username());
    }

    @Test
    void httpRequestWithoutAValidTokenIsUnauthorized() {
        Account alice = signUp("alice");
        String[] parts = alice.accessToken().split("\\.");
        String tamperedSignature = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();

        for (String authorization : List.of("", "Bearer ", "Bearer not-a-jwt", "Bearer " + tamperedSignature)) {
            http().post()
                    .uri("/graphql")
                    .header("Authorization", authorization)
                    .bodyValue("{\"query\":\"{ me { id } }\"}")
                    .header("Content-Type", "application/json")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }
    }

    @Test
    void rawTokenWithoutBearerIsAccepted() {
        Account alice = signUp("alice");

        http().post()
                .uri("/graphql")
                .header("Authorization", alice.accessToken())
                .header("Content-Type", "application/json")
                .bodyValue("{\"query\":\"{ me { id } }\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.data.me.id")
                .isEqualTo(alice.userId());
    }

    @Test
    void webSocketWithoutAValidTokenIsClosedAsUnauthorized() {
        Account alice = signUp("alice");
        String tampered = alice.accessToken().substring(0, alice.accessToken().length() - 4) + "AAAA";

        for (String payload :
                List.of("{}", "{\"Authorization\":\"garbage\"}", "{\"Authorization\":\"" + tampered + "\"}")) {
            ChatClient.RawSession session = rawWebSocket("{\"type\":\"connection_init\",\"payload\":" + payload + "}");
            assertThat(session.closeStatus().getCode()).as(payload).isEqualTo(4401);
            assertThat(session.received()).as(payload).noneMatch(message -> message.contains("connection_ack"));
        }
    }

    @Test
    void webSocketSubscribeBeforeConnectionInitIsClosedAsUnauthorized() {
        ChatClient.RawSession session = rawWebSocket(
                "{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":{\"query\":\"subscription { subscribeToNewUsers { id } }\"}}");

        assertThat(session.closeStatus().getCode()).isEqualTo(4401);
    }

    private static void expectNotFound(GraphQlTester.Response response) {
        response.errors()
                .expect(error -> "NOT_FOUND".equals(error.getErrorType().toString()))
                .verify();
    }
}

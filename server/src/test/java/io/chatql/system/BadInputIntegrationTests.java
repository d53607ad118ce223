package io.chatql.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.ChatClient;
import io.chatql.support.IntegrationTest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.json.JsonCompareMode;

/** Bad input gets a clear, classified error, and nothing of it is stored. */
abstract class BadInputIntegrationTests extends IntegrationTest {

    private static final String VALID_ID = "2024-05-01T10:00:00.000Z_3c2a1b0d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    private Account alice;

    private String conversationId;

    @BeforeEach
    void conversation() {
        alice = signUp("alice");
        conversationId = startConversation(alice);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 10_001})
    void contentEmptyOrOver10000CharactersIsRefused(int length) {
        expectRefusedMessage(Map.of("content", "x".repeat(length)), "BAD_REQUEST");
    }

    @Test
    void missingOrBlankContentIsRefused() {
        Map<String, Object> missing = new HashMap<>();
        missing.put("content", null);
        expectRefusedMessage(missing, "BAD_REQUEST");
        expectRefusedMessage(Map.of("content", "  \n "), "BAD_REQUEST");
    }

    @Test
    void contentOf10000CharactersIsStored() {
        graphQl(alice)
                .documentName("createMessage")
                .variables(message(Map.of("content", "x".repeat(10_000))))
                .execute()
                .path("createMessage.content")
                .entity(String.class)
                .satisfies(content -> assertThat(content).hasSize(10_000));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a\u0000b", "line\nbreak", "tab\tbed"})
    void messageIdEmptyOrWithControlCharactersIsRefused(String id) {
        expectRefusedMessage(Map.of("id", id), "BAD_REQUEST");
    }

    @Test
    void messageIdOtherThanAStringOrIntegerIsRefused() {
        for (Object id : List.of(Map.of("a", 1), List.of("a", "b"), 1.5, true)) {
            expectInvalidMessageVariable(Map.of("id", id));
        }
    }

    @Test
    void conversationIdOtherThanAStringOrIntegerIsRefused() {
        for (Object id : List.of(Map.of("id", conversationId), List.of(conversationId))) {
            expectInvalidMessageVariable(Map.of("conversationId", id));
        }
    }

    @Test
    void integerIdIsAccepted() {
        graphQl(alice)
                .documentName("createMessage")
                .variables(message(Map.of("id", 42)))
                .execute()
                .path("createMessage.id")
                .entity(String.class)
                .isEqualTo("42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "lone \ud800 high", "lone \udc00 low", "reversed \udc00\ud800"})
    void contentWithNulOrUnpairedSurrogateIsRefused(String content) {
        expectRefusedMessage(Map.of("content", content), "BAD_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\ud800", "a\udfff"})
    void messageIdWithNulOrUnpairedSurrogateIsRefused(String id) {
        expectRefusedMessage(Map.of("id", id), "BAD_REQUEST");
    }

    @Test
    void contentWithPairedSurrogatesIsStored() {
        graphQl(alice)
                .documentName("createMessage")
                .variables(message(Map.of("content", "smile \ud83d\ude00")))
                .execute()
                .path("createMessage.content")
                .entity(String.class)
                .isEqualTo("smile \ud83d\ude00");
    }

    @Test
    void literalWithNulIsRefused() {
        expectRefusedDocument(
                "mutation { createConversation(id: \"c\\u0000\", name: \"n\") { id } }", "must not contain");
        expectRefusedDocument(
                "mutation { createConversation(id: \"c\", name: \"n\\u0000\") { id } }", "must not contain");
    }

    @Test
    void literalWithUnpairedSurrogateDoesNotParse() {
        graphQl(alice)
                .document("mutation { createConversation(id: \"c\", name: \"n\\ud800\") { id } }")
                .execute()
                .errors()
                .expect(error -> "InvalidSyntax".equals(error.getErrorType().toString()))
                .verify();
    }

    @Test
    void nextTokenWithNulIsRefused() {
        expectRefusedPage(Map.of("after", "abc\u0000def"));
    }

    @Test
    void messageIdOver128CharactersIsRefused() {
        expectRefusedMessage(Map.of("id", "x".repeat(129)), "BAD_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a\u0007b"})
    void createdAtEmptyOrWithControlCharactersIsRefused(String createdAt) {
        expectRefusedMessage(Map.of("createdAt", createdAt), "BAD_REQUEST");
    }

    @Test
    void createdAtOver64CharactersIsRefused() {
        expectRefusedMessage(Map.of("createdAt", "2".repeat(65)), "BAD_REQUEST");
    }

    @Test
    void unknownConversationIsNotFound() {
        expectRefusedMessage(Map.of("conversationId", "no-such-conversation"), "NOT_FOUND");
    }

    @Test
    void conversationIdOver128CharactersIsRefused() {
        graphQl(alice)
                .documentName("createConversation")
                .variable("id", "c".repeat(129))
                .variable("name", "too long an id")
                .execute()
                .errors()
                .expect(error -> "BAD_REQUEST".equals(error.getErrorType().toString()))
                .verify()
                .path("createConversation")
                .valueIsNull();
    }

    @Test
    void addingAnUnknownUserIsNotFound() {
        graphQl(alice)
                .documentName("createUserConversations")
                .variable("conversationId", conversationId)
                .variable("userId", "no-such-user")
                .execute()
                .errors()
                .expect(error -> "NOT_FOUND".equals(error.getErrorType().toString()))
                .verify();
        graphQl(alice)
                .documentName("getUserConversationConnectionThroughUser")
                .execute()
                .path("me.conversations.userConversations[0].associated[*].userId")
                .entityList(String.class)
                .containsExactly(alice.userId());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101})
    void firstOutsideOneTo100IsRefused(int first) {
        expectRefusedPage(Map.of("first", first));
    }

    @Test
    void malformedNextTokenIsRefused() {
        expectRefusedPage(Map.of("after", "not a token!"));
    }

    @Test
    void forgedNextTokenIsRefused() {
        byte[] forged = new byte[24];
        forged[7] = 5;
        expectRefusedPage(
                Map.of("after", Base64.getUrlEncoder().withoutPadding().encodeToString(forged)));
    }

    @Test
    void nextTokenOfAnotherConversationIsRefused() {
        String other = startConversation(alice);
        for (int i = 0; i < 3; i++) {
            send(alice, other, "message " + i);
        }
        String tokenOfOther = (String) graphQl(alice)
                .documentName("getConversationMessages")
                .variable("conversationId", other)
                .variable("first", 1)
                .execute()
                .path("allMessageConnection")
                .entity(Map.class)
                .get()
                .get("nextToken");

        expectRefusedPage(Map.of("after", tokenOfOther));
    }

    @Test
    void queryDeeperThan10IsRefused() {
        List<String> path = List.of(
                "me",
                "conversations",
                "userConversations",
                "associated",
                "conversation",
                "messages",
                "messages",
                "author",
                "conversations",
                "userConversations",
                "conversation");
        String query = "{ " + String.join(" { ", path) + " { id }" + " }".repeat(path.size());

        for (int attempt = 0; attempt < 2; attempt++) {
            graphQl(alice)
                    .document(query)
                    .execute()
                    .errors()
                    .expect(error -> "BAD_REQUEST".equals(error.getErrorType().toString())
                            && error.getMessage().contains("depth"))
                    .verify();
        }
    }

    @Test
    void overComplexQueryIsRefused() {
        StringBuilder query = new StringBuilder("{");
        for (int i = 0; i < 600; i++) {
            query.append(" u").append(i).append(": me { id }");
        }
        String document = query.append(" }").toString();

        for (int attempt = 0; attempt < 2; attempt++) {
            graphQl(alice)
                    .document(document)
                    .execute()
                    .errors()
                    .expect(error -> "BAD_REQUEST".equals(error.getErrorType().toString())
                            && error.getMessage().contains("complexity"))
                    .verify();
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void chainOrCycleOf1000FragmentsIsRefused(boolean cycle) {
        StringBuilder document = new StringBuilder("query { ...F0 }");
        for (int i = 0; i < 1000; i++) {
            document.append(" fragment F").append(i).append(" on Query { ");
            document.append(i < 999 ? "...F" + (i + 1) : cycle ? "...F0" : "me { id }")
                    .append(" }");
        }

        expectRefusedDocument(document.toString(), "fragment");
    }

    @Test
    void fragmentsExpandingToTooManyFieldsAreRefused() {
        StringBuilder document = new StringBuilder("query { ...F0 }");
        for (int i = 0; i < 4; i++) {
            document.append(" fragment F").append(i).append(" on Query { ");
            for (int spread = 0; spread < 30; spread++) {
                document.append("...F").append(i + 1).append(' ');
            }
            document.append('}');
        }
        document.append(" fragment F4 on Query { me { id } }");

        expectRefusedDocument(document.toString(), "fields");
    }

    @Test
    void documentOfTooManyTokensIsRefused() {
        expectRefusedDocument("{ me { " + "id ".repeat(20_000) + "} }", "tokens");
    }

    @Test
    void documentNestedTooDeeplyToParseIsRefused() {
        expectRefusedDocument("{ me " + "{ id ".repeat(1000) + "}".repeat(1001), "");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\ud800", "\\udc00"})
    void authBodyWithNulOrUnpairedSurrogateIsRefused(String escape) {
        Map<String, String> bodies = Map.of(
                "/auth/sign-in",
                "{\"username\":\"alice" + escape + "\",\"password\":\"secret-password\"}",
                "/auth/sign-up",
                "{\"username\":\"bob\",\"email\":\"b@example.com\",\"password\":\"pass" + escape + "word\"}",
                "/auth/confirm-sign-up",
                "{\"username\":\"" + alice.username() + "\",\"code\":\"12" + escape + "34\"}");
        bodies.forEach((uri, body) -> http().post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.message")
                .value(message -> assertThat((String) message).contains("must not contain")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\u0000", "\\ud800"})
    void analyticsEventWithNulOrUnpairedSurrogateIsRefused(String escape) {
        http().post()
                .uri("/analytics/events")
                .header("Authorization", "Bearer " + alice.accessToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"events\":[{\"type\":\"page.view\",\"timestamp\":\"" + java.time.Instant.now()
                        + "\",\"sessionId\":\"5f0c7a52-2b1e-4d4e-9a8e-0d6f4c1b2a3e\","
                        + "\"attributes\":{\"page\":\"/chat" + escape + "\"}}]}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.message")
                .value(message -> assertThat((String) message).contains("must not contain"));
    }

    @Test
    void bodyOver1MegabyteIsRefused() {
        String content = "x".repeat(1024 * 1024);
        http().post()
                .uri("/graphql")
                .header("Authorization", "Bearer " + alice.accessToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ me { id } }\",\"variables\":{\"padding\":\"" + content + "\"}}")
                .exchange()
                .expectStatus()
                .isEqualTo(413);
    }

    @Test
    void bodyDeclaredOver1MegabyteIsRefusedBeforeReadingWithAJsonAnswer() {
        http().post()
                .uri("/auth/sign-in")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"username\":\"" + "x".repeat(1024 * 1024) + "\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(413)
                .expectHeader()
                .contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .json(
                        "{\"error\":\"payload_too_large\",\"message\":\"the request body must be at most 1 MB\"}",
                        JsonCompareMode.STRICT);
    }

    @Test
    void malformedJsonIsABadRequestWithoutStackTrace() {
        http().post()
                .uri("/graphql")
                .header("Authorization", "Bearer " + alice.accessToken())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ me { id } }\"")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody(String.class)
                .value(body -> assertThat(body).doesNotContain("Exception").doesNotContain("at io."));
    }

    @Test
    void secondConnectionInitClosesTheConnection() {
        String init = "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"" + alice.accessToken() + "\"}}";

        ChatClient.RawSession session = rawWebSocket(init, init);

        assertThat(session.received()).anyMatch(message -> message.contains("connection_ack"));
        assertThat(session.closeStatus().getCode()).isEqualTo(4429);
    }

    private void expectRefusedDocument(String document, String explanation) {
        graphQl(alice)
                .document(document)
                .execute()
                .errors()
                .expect(error -> "BAD_REQUEST".equals(error.getErrorType().toString())
                        && error.getMessage().contains(explanation))
                .verify();
    }

    private Map<String, Object> message(Map<String, Object> overrides) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("id", VALID_ID);
        variables.put("conversationId", conversationId);
        variables.put("content", "hello");
        variables.put("createdAt", VALID_ID);
        variables.putAll(overrides);
        return variables;
    }

    private void expectRefusedMessage(Map<String, Object> overrides, String errorType) {
        graphQl(alice)
                .documentName("createMessage")
                .variables(message(overrides))
                .execute()
                .errors()
                .expect(error -> errorType.equals(error.getErrorType().toString()))
                .verify()
                .path("createMessage")
                .valueIsNull();
        expectNoMessageStored();
    }

    /** A variable that its type refuses: the operation does not run. */
    private void expectInvalidMessageVariable(Map<String, Object> overrides) {
        graphQl(alice)
                .documentName("createMessage")
                .variables(message(overrides))
                .execute()
                .errors()
                .expect(error -> "ValidationError".equals(error.getErrorType().toString()))
                .verify()
                .path("createMessage")
                .pathDoesNotExist();
        expectNoMessageStored();
    }

    private void expectNoMessageStored() {
        graphQl(alice)
                .documentName("getConversationMessages")
                .variable("conversationId", conversationId)
                .execute()
                .path("allMessageConnection.messages")
                .entityList(Object.class)
                .hasSize(0);
    }

    private void expectRefusedPage(Map<String, Object> arguments) {
        GraphQlTester.Request<?> request =
                graphQl(alice).documentName("getConversationMessages").variable("conversationId", conversationId);
        arguments.forEach(request::variable);
        request.execute()
                .errors()
                .expect(error -> "BAD_REQUEST".equals(error.getErrorType().toString()))
                .verify()
                .path("allMessageConnection")
                .valueIsNull();
    }
}

package io.chatql.message;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A message after it is sent: its author edits it, its author or an administrator deletes it, others
 * reply to it and it mentions members. Every refusal leaves the conversation as it was.
 */
@SuppressWarnings("unchecked")
@TestPropertySource(properties = "chatql.auth.admin-username=" + MessageLifecycleIntegrationTests.MODERATOR)
public abstract class MessageLifecycleIntegrationTests extends IntegrationTest {

    /** The administrator of every test of a message's life: the same name shares one server. */
    public static final String MODERATOR = "moderator";

    @Autowired
    private JdbcClient jdbc;

    private Account alice;

    private Account bob;

    private Account moderator;

    private String conversationId;

    @BeforeEach
    void startConversation() {
        alice = signUp("alice");
        bob = signUp("bob");
        moderator = client().signUpOnce(MODERATOR);
        conversationId = startConversation(alice, bob);
    }

    @Test
    void anEditedMessageKeepsItsIdPlaceAndCreatedAt() {
        String first = send(alice, conversationId, "first");
        String typo = send(alice, conversationId, "helo");
        String last = send(bob, conversationId, "last");

        edit(alice, typo, "hello")
                .path("editMessage.content")
                .entity(String.class)
                .isEqualTo("hello")
                .path("editMessage.editedAt")
                .entity(String.class)
                .satisfies(editedAt -> assertThat(Instant.parse(editedAt)).isBeforeOrEqualTo(Instant.now()));

        List<Map<String, Object>> page = page(bob);
        assertThat(page).extracting(message -> message.get("id")).containsExactly(last, typo, first);
        assertThat(page.get(1))
                .containsEntry("content", "hello")
                .containsEntry("createdAt", typo)
                .containsEntry("deleted", false);
        assertThat(page.get(1).get("editedAt")).isNotNull();
        assertThat(page.get(0).get("editedAt")).isNull();
    }

    @Test
    void onlyItsAuthorMayEditAMessage() {
        String id = send(alice, conversationId, "mine");
        Account stranger = signUp("stranger");

        expectError(edit(bob, id, "yours now"), ErrorType.FORBIDDEN);
        expectError(edit(stranger, id, "anyone's"), ErrorType.NOT_FOUND);
        expectError(edit(moderator, id, "the moderator's"), ErrorType.NOT_FOUND);

        assertThat(page(alice).get(0)).containsEntry("content", "mine").containsEntry("editedAt", null);
        expectNoRevisions(id);
    }

    @Test
    void anEditMustBeValidContentOfAMessageThatExists() {
        String id = send(alice, conversationId, "fine");

        expectError(edit(alice, id, "   "), ErrorType.BAD_REQUEST);
        expectError(edit(alice, id, "x".repeat(10_001)), ErrorType.BAD_REQUEST);
        expectError(edit(alice, "no-such-message", "hello"), ErrorType.NOT_FOUND);

        assertThat(page(alice).get(0)).containsEntry("content", "fine").containsEntry("editedAt", null);
    }

    @Test
    void theSameContentAgainIsNoEdit() {
        String id = send(alice, conversationId, "unchanged");

        edit(alice, id, "unchanged").path("editMessage.editedAt").valueIsNull();

        expectNoRevisions(id);
    }

    @Test
    void administratorsAndOnlyTheyReadWhatAMessageSaidBefore() {
        String id = send(alice, conversationId, "one");
        edit(alice, id, "two");
        edit(alice, id, "three");

        List<Map<String, Object>> revisions =
                revisions(moderator, id).path("messageRevisions").entityList(Map.class).get().stream()
                        .map(revision -> (Map<String, Object>) revision)
                        .toList();
        assertThat(revisions).extracting(revision -> revision.get("revision")).containsExactly(1, 2);
        assertThat(revisions).extracting(revision -> revision.get("content")).containsExactly("one", "two");
        expectError(revisions(alice, id), ErrorType.FORBIDDEN);
        expectError(revisions(bob, id), ErrorType.FORBIDDEN);
    }

    @Test
    void aDeletedMessageStaysInItsPlaceWithItsContentAndRevisionsErased() {
        String first = send(alice, conversationId, "first");
        String secret = send(alice, conversationId, "my secret");
        edit(alice, secret, "my secret, corrected");
        String last = send(bob, conversationId, "last");

        delete(alice, secret)
                .path("deleteMessage.deleted")
                .entity(Boolean.class)
                .isEqualTo(true)
                .path("deleteMessage.content")
                .entity(String.class)
                .isEqualTo("");

        List<Map<String, Object>> page = page(bob);
        assertThat(page).extracting(message -> message.get("id")).containsExactly(last, secret, first);
        assertThat(page.get(1)).containsEntry("deleted", true).containsEntry("content", "");
        expectNoRevisions(secret);
        assertThat(storedContents()).noneMatch(content -> content.contains("secret"));
    }

    @Test
    void deletingADeletedMessageAgainAnswersItsTombstone() {
        String id = send(alice, conversationId, "twice");
        delete(alice, id);

        delete(alice, id).path("deleteMessage.deleted").entity(Boolean.class).isEqualTo(true);
        expectError(edit(alice, id, "back again"), ErrorType.BAD_REQUEST);
        assertThat(page(alice).get(0)).containsEntry("content", "").containsEntry("editedAt", null);
    }

    @Test
    void itsAuthorOrAnAdministratorMayDeleteAMessage() {
        String alicesOwn = send(alice, conversationId, "alice's own");
        String offensive = send(bob, conversationId, "offensive");
        Account stranger = signUp("stranger");

        expectError(delete(bob, alicesOwn), ErrorType.FORBIDDEN);
        expectError(delete(stranger, alicesOwn), ErrorType.NOT_FOUND);
        delete(moderator, offensive)
                .path("deleteMessage.deleted")
                .entity(Boolean.class)
                .isEqualTo(true);
        expectError(delete(moderator, "no-such-message"), ErrorType.NOT_FOUND);

        assertThat(page(alice)).extracting(message -> message.get("deleted")).containsExactly(true, false);
    }

    @Test
    void aReplyQuotesTheMessageItAnswersAndItsTombstoneOnceDeleted() {
        String question = send(alice, conversationId, "lunch?");

        GraphQlTester.Response reply = post(bob, question, "yes");
        reply.path("createMessage.replyTo.id").entity(String.class).isEqualTo(question);
        reply.path("createMessage.replyTo.content").entity(String.class).isEqualTo("lunch?");
        reply.path("createMessage.replyTo.author.username").entity(String.class).isEqualTo(alice.username());
        delete(alice, question);

        Map<String, Object> answer = page(bob).get(0);
        assertThat((Map<String, Object>) answer.get("replyTo"))
                .containsEntry("id", question)
                .containsEntry("deleted", true)
                .containsEntry("content", "");
        assertThat(page(bob).get(1).get("replyTo")).isNull();
    }

    @Test
    void aReplyMustAnswerAMessageOfTheConversationThatIsNotDeleted() {
        String gone = send(alice, conversationId, "gone");
        delete(alice, gone);
        String elsewhere = send(alice, startConversation(alice), "elsewhere");

        expectError(post(bob, "no-such-message", "to nothing"), ErrorType.BAD_REQUEST);
        expectError(post(bob, elsewhere, "to another conversation"), ErrorType.BAD_REQUEST);
        expectError(post(bob, gone, "to a tombstone"), ErrorType.BAD_REQUEST);

        assertThat(page(alice)).hasSize(1);
    }

    @Test
    void mentionsAreTheMembersThatContentNamesWithAnAt() {
        Account carol = signUp("carol");

        GraphQlTester.Response posted = post(
                alice,
                null,
                "@" + bob.username().toUpperCase() + ", see @" + carol.username() + " and mail " + alice.username()
                        + "@" + bob.username() + ".example. @" + bob.username() + ".");

        posted.path("createMessage.mentions[*].id").entityList(String.class).containsExactly(bob.userId());
    }

    @Test
    void anEditMentionsAnew() {
        String id = send(alice, conversationId, "hi @" + bob.username());

        edit(alice, id, "hi @" + alice.username())
                .path("editMessage.mentions[*].id")
                .entityList(String.class)
                .containsExactly(alice.userId());
        assertThat((List<?>) page(bob).get(0).get("mentions")).hasSize(1);
    }

    private GraphQlTester.Response edit(Account caller, String id, String content) {
        return client().editMessage(caller, conversationId, id, content);
    }

    private GraphQlTester.Response delete(Account caller, String id) {
        return client().deleteMessage(caller, conversationId, id);
    }

    private GraphQlTester.Response revisions(Account caller, String id) {
        return graphQl(caller)
                .documentName("messageRevisions")
                .variable("conversationId", conversationId)
                .variable("id", id)
                .execute();
    }

    private GraphQlTester.Response post(Account caller, @Nullable String replyToId, String content) {
        String createdAt = Instant.now().toString();
        return graphQl(caller)
                .documentName("replyToMessage")
                .variable("conversationId", conversationId)
                .variable("id", createdAt + "_" + UUID.randomUUID())
                .variable("createdAt", createdAt)
                .variable("content", content)
                .variable("replyToId", replyToId)
                .execute();
    }

    private List<Map<String, Object>> page(Account caller) {
        return graphQl(caller)
                .documentName("livingMessages")
                .variable("conversationId", conversationId)
                .variable("first", 20)
                .execute()
                .path("allMessageConnection.messages")
                .entityList(Map.class)
                .get()
                .stream()
                .map(message -> (Map<String, Object>) message)
                .toList();
    }

    private void expectNoRevisions(String id) {
        revisions(moderator, id)
                .path("messageRevisions")
                .entityList(Object.class)
                .hasSize(0);
    }

    private List<String> storedContents() {
        return jdbc.sql("select content from message where conversation_id = ?"
                        + " union all select content from message_revision where conversation_id = ?")
                .params(conversationId, conversationId)
                .query(String.class)
                .list();
    }
}

package io.chatql.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

/** A member mutes a conversation for themselves; no one else sees it. */
abstract class MutesIntegrationTests extends IntegrationTest {

    @Test
    void memberMutesAndUnmutesAConversation() {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);

        mute(alice, "muteConversation", conversationId)
                .path("muteConversation.muted")
                .entity(Boolean.class)
                .isEqualTo(true);
        assertThat(mutedOf(alice, conversationId)).isTrue();

        mute(alice, "unmuteConversation", conversationId)
                .path("unmuteConversation.muted")
                .entity(Boolean.class)
                .isEqualTo(false);
        assertThat(mutedOf(alice, conversationId)).isFalse();
    }

    @Test
    void mutingTwiceChangesNothing() {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);

        mute(alice, "muteConversation", conversationId);
        mute(alice, "muteConversation", conversationId)
                .path("muteConversation.muted")
                .entity(Boolean.class)
                .isEqualTo(true);

        assertThat(mutedOf(alice, conversationId)).isTrue();
    }

    @Test
    void aNewMembershipIsNotMuted() {
        Account alice = signUp("alice");
        String conversationId = startConversation(alice);

        assertThat(mutedOf(alice, conversationId)).isFalse();
    }

    @Test
    void nonMemberAndUnknownConversationAreNotFoundAlike() {
        Account alice = signUp("alice");
        Account mallory = signUp("mallory");
        String conversationId = startConversation(alice);

        for (String mutation : List.of("muteConversation", "unmuteConversation")) {
            expectNotFound(mute(mallory, mutation, conversationId), conversationId);
            expectNotFound(mute(mallory, mutation, "no-such-conversation"), "no-such-conversation");
        }
        assertThat(mutedOf(alice, conversationId)).isFalse();
    }

    @Test
    void anotherMembersMutingIsTheirsAlone() {
        Account alice = signUp("alice");
        Account bob = signUp("bob");
        String conversationId = startConversation(alice, bob);

        mute(bob, "muteConversation", conversationId);

        assertThat(associatedMuted(alice, conversationId))
                .containsEntry(bob.userId(), false)
                .containsEntry(alice.userId(), false);
        assertThat(associatedMuted(bob, conversationId))
                .containsEntry(bob.userId(), true)
                .containsEntry(alice.userId(), false);
    }

    private GraphQlTester.Response mute(Account caller, String mutation, String conversationId) {
        return graphQl(caller)
                .documentName(mutation)
                .variable("conversationId", conversationId)
                .execute();
    }

    private boolean mutedOf(Account member, String conversationId) {
        return graphQl(member)
                .documentName("mutedConversations")
                .execute()
                .path("me.conversations.userConversations[?(@.conversationId == '" + conversationId + "')].muted")
                .entityList(Boolean.class)
                .hasSize(1)
                .get()
                .get(0);
    }

    /** Whether {@code viewer} sees each member of the conversation as having muted it, by member. */
    private Map<String, Boolean> associatedMuted(Account viewer, String conversationId) {
        List<Map> associated = graphQl(viewer)
                .documentName("mutedConversations")
                .execute()
                .path("me.conversations.userConversations[?(@.conversationId == '" + conversationId
                        + "')].associated[*]")
                .entityList(Map.class)
                .get();
        return associated.stream().collect(Collectors.toMap(member -> (String) member.get("userId"), member ->
                (Boolean) member.get("muted")));
    }

    private static void expectNotFound(GraphQlTester.Response response, String conversationId) {
        response.errors()
                .satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
                    assertThat(error.getErrorType()).isEqualTo(ErrorType.NOT_FOUND);
                    assertThat(error.getMessage()).isEqualTo("conversation " + conversationId + " not found");
                }));
    }
}

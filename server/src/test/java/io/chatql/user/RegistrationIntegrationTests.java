package io.chatql.user;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.Account;
import io.chatql.support.H2Database;
import io.chatql.support.IntegrationTest;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.WebSocketGraphQlTester;
import org.springframework.test.context.ContextConfiguration;

/** {@code createUser} registers or renames the caller, safely when repeated, and announces changes. */
@ContextConfiguration(initializers = H2Database.class)
class RegistrationIntegrationTests extends IntegrationTest {

    @Test
    void createUserRegistersTheCallerUnderItsTokenSubject() {
        Account alice = signUp("alice");

        graphQl(alice)
                .documentName("createUser")
                .variable("username", alice.username())
                .execute()
                .path("createUser.id")
                .entity(String.class)
                .isEqualTo(alice.userId())
                .path("createUser.cognitoId")
                .entity(String.class)
                .isEqualTo(alice.userId())
                .path("createUser.registered")
                .entity(Boolean.class)
                .isEqualTo(true);
    }

    @Test
    void renamingIsAnnouncedAndRepeatingIsNot() throws Exception {
        Account watcher = signUp("watcher");
        Account alice = signUp("alice");
        String newName = uniqueName("alicia");
        int subscribersBefore = subscribers.count();
        WebSocketGraphQlTester socket = webSocket(watcher);
        CompletableFuture<List<String>> announced = socket.documentName("subscribeToNewUsers")
                .executeSubscription()
                .toFlux("subscribeToNewUsers.id", String.class)
                .filter(id -> id.equals(alice.userId()))
                .take(2)
                .collectList()
                .toFuture();
        awaitSubscribers(subscribersBefore + 1);

        for (String username : List.of(newName, newName, alice.username())) {
            graphQl(alice)
                    .documentName("createUser")
                    .variable("username", username)
                    .execute()
                    .path("createUser.username")
                    .entity(String.class)
                    .isEqualTo(username);
        }

        assertThat(announced.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).hasSize(2);
        graphQl(alice)
                .documentName("getMe")
                .execute()
                .path("me.username")
                .entity(String.class)
                .isEqualTo(alice.username());
        socket.stop().block(TIMEOUT);
    }

    @Test
    void takingAnotherUsersNameIsRefused() {
        Account alice = signUp("alice");
        Account bob = signUp("bob");

        graphQl(bob)
                .documentName("createUser")
                .variable("username", alice.username().toUpperCase())
                .execute()
                .errors()
                .expect(error -> "BAD_REQUEST".equals(error.getErrorType().toString()))
                .verify()
                .path("createUser")
                .valueIsNull();
        graphQl(bob)
                .documentName("getMe")
                .execute()
                .path("me.username")
                .entity(String.class)
                .isEqualTo(bob.username());
    }
}

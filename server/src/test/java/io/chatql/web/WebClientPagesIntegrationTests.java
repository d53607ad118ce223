package io.chatql.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.H2Database;
import io.chatql.support.IntegrationTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;

/** The server serves the web client: its page at every path of the app, and its files. */
@ContextConfiguration(initializers = H2Database.class)
class WebClientPagesIntegrationTests extends IntegrationTest {

    @Test
    void rootAndDeepLinksOfTheAppAnswerItsPage() {
        assertThat(page("/")).contains("<app-root>");
        assertThat(page("/chat")).contains("<app-root>");
        assertThat(page("/chat/a-conversation-id")).isEqualTo(page("/"));
    }

    @Test
    void thePageIsRevalidatedOnEveryLoadSoThatANewReleaseIsPickedUp() {
        http().get()
                .uri("/chat/x")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectHeader()
                .cacheControl(CacheControl.noCache());
    }

    @Test
    void theScriptsThePageNamesAreServed() {
        Matcher script = Pattern.compile("src=\"(main-[A-Za-z0-9]+\\.js)\"").matcher(page("/"));
        assertThat(script.find()).as("the page names its main script").isTrue();

        http().get()
                .uri("/" + script.group(1))
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith("text/javascript");
    }

    @Test
    void theServersOwnPathsAreNotTakenForPagesOfTheApp() {
        http().get()
                .uri("/graphql")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        http().get()
                .uri("/auth/sign-in")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        http().get()
                .uri("/no-such-file.js")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    private String page(String path) {
        return http().get()
                .uri(path)
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }
}

package io.chatql.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatql.support.IntegrationTest;
import io.chatql.support.MailServer;
import io.chatql.support.TestMailServer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The built-in identity with a mail server: sign-ups confirmed, and forgotten passwords reset, by codes
 * read from the delivered mail.
 */
abstract class MailIdentityIntegrationTests extends IntegrationTest {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Autowired
    private JdbcClient jdbc;

    @Autowired
    private VerificationCodes codes;

    @Test
    void signUpMailsACodeAndLeavesTheAccountUnconfirmed() throws InterruptedException {
        String username = uniqueName("carol");

        post("/auth/sign-up", signUpBody(username))
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.confirmed")
                .isEqualTo(false);

        String mail = TestMailServer.awaitMail(emailOf(username), 1);
        assertThat(mail).contains(username).containsPattern(CODE);
    }

    @Test
    void unconfirmedUserCannotSignInAndIsToldWhy() throws InterruptedException {
        String username = signUpUnconfirmed("carol");

        post("/auth/sign-in", Map.of("username", username, "password", passwordOf(username)))
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("user_not_confirmed")
                .jsonPath("$.message")
                .value(message -> assertThat((String) message).contains("not confirmed"));
    }

    @Test
    void unconfirmedUserWithAWrongPasswordGetsTheUsualRefusal() throws InterruptedException {
        String username = signUpUnconfirmed("carol");

        post("/auth/sign-in", Map.of("username", username, "password", "not-the-password"))
                .expectStatus()
                .isUnauthorized()
                .expectBody()
                .jsonPath("$.error")
                .isEqualTo("unauthorized");
    }

    @Test
    void confirmedUserCanSignIn() throws InterruptedException {
        String username = signUpUnconfirmed("carol");

        confirm(username, codeInMail(username, 1)).expectStatus().isNoContent();

        post("/auth/sign-in", Map.of("username", username, "password", passwordOf(username)))
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.accessToken")
                .isNotEmpty();
    }

    @Test
    void codeIsUsedOnce() throws InterruptedException {
        String username = signUpUnconfirmed("carol");
        String code = codeInMail(username, 1);

        confirm(username, code).expectStatus().isNoContent();

        expectInvalidCode(confirm(username, code));
    }

    @Test
    void wrongCodeIsRefusedAndTheRightOneStillWorks() throws InterruptedException {
        String username = signUpUnconfirmed("carol");
        String code = codeInMail(username, 1);

        expectInvalidCode(confirm(username, otherThan(code)));

        confirm(username, code).expectStatus().isNoContent();
    }

    @Test
    void codeDiesAfterFiveWrongAttemptsAndAResentCodeWorks() throws InterruptedException {
        String username = signUpUnconfirmed("carol");
        String code = codeInMail(username, 1);

        for (int attempt = 0; attempt < VerificationCodes.ATTEMPTS; attempt++) {
            expectInvalidCode(confirm(username, otherThan(code)));
        }
        expectInvalidCode(confirm(username, code));

        post("/auth/resend-confirmation", Map.of("username", username))
                .expectStatus()
                .isAccepted();
        String resent = codeInMail(username, 2);
        confirm(username, resent).expectStatus().isNoContent();
    }

    @Test
    void noNewCodeIsMadeWithinAMinuteOfAUsableOne() throws InterruptedException {
        String username = signUpUnconfirmed("carol");
        String code = codeInMail(username, 1);

        assertThat(codes.reissue(userIdOf(username), VerificationCodes.Purpose.CONFIRM_SIGN_UP))
                .isEmpty();

        confirm(username, code).expectStatus().isNoContent();
    }

    @Test
    void expiredCodeIsRefused() throws InterruptedException {
        String username = signUpUnconfirmed("carol");
        String code = codeInMail(username, 1);
        jdbc.sql("update verification_code set expires_at = ? where user_id = (select id from chat_user where"
                        + " username = ?)")
                .params(OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1), username)
                .update();

        expectInvalidCode(confirm(username, code));
    }

    @Test
    void codeIsStoredOnlyAsAHash() throws InterruptedException {
        String username = signUpUnconfirmed("carol");
        String code = codeInMail(username, 1);

        String stored = jdbc.sql("select code_hash from verification_code where user_id = (select id from"
                        + " chat_user where username = ?)")
                .param(username)
                .query(String.class)
                .single();

        assertThat(stored).hasSize(64).doesNotContain(code);
    }

    @Test
    void unknownUserGetsTheSameAnswers() {
        String nobody = uniqueName("nobody");

        expectInvalidCode(confirm(nobody, "123456"));
        post("/auth/resend-confirmation", Map.of("username", nobody))
                .expectStatus()
                .isAccepted()
                .expectBody()
                .isEmpty();
    }

    @Test
    void mailComesFromTheConfiguredAddress() throws InterruptedException {
        String username = signUpUnconfirmed("carol");

        assertThat(TestMailServer.sendersTo(emailOf(username))).containsExactly(MailServer.FROM);
    }

    @Test
    void forgottenPasswordIsResetByTheMailedCodeAndEverySessionEnds() throws InterruptedException {
        String username = signUpConfirmed("frank");
        String refreshToken = signIn(username, passwordOf(username))
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("refreshToken")
                .toString();

        post("/auth/forgot-password", Map.of("username", username))
                .expectStatus()
                .isAccepted();
        String code = codeInMail(username, 2);
        post(
                        "/auth/confirm-forgot-password",
                        Map.of("username", username, "code", code, "newPassword", "a new password"))
                .expectStatus()
                .isNoContent();

        signIn(username, passwordOf(username)).expectStatus().isUnauthorized();
        signIn(username, "a new password").expectStatus().isOk();
        post("/auth/refresh", Map.of("refreshToken", refreshToken))
                .expectStatus()
                .isUnauthorized();
    }

    @Test
    void wrongResetCodeLeavesThePasswordAlone() throws InterruptedException {
        String username = signUpConfirmed("frank");
        post("/auth/forgot-password", Map.of("username", username))
                .expectStatus()
                .isAccepted();
        String code = codeInMail(username, 2);

        expectInvalidCode(post(
                "/auth/confirm-forgot-password",
                Map.of("username", username, "code", otherThan(code), "newPassword", "a new password")));

        signIn(username, passwordOf(username)).expectStatus().isOk();
    }

    @Test
    void forgotPasswordAnswersTheSameWhetherOrNotTheUserExists() throws InterruptedException {
        String username = signUpConfirmed("frank");

        byte[] known = post("/auth/forgot-password", Map.of("username", username))
                .expectStatus()
                .isAccepted()
                .expectBody()
                .returnResult()
                .getResponseBodyContent();
        byte[] unknown = post("/auth/forgot-password", Map.of("username", uniqueName("nobody")))
                .expectStatus()
                .isAccepted()
                .expectBody()
                .returnResult()
                .getResponseBodyContent();

        assertThat(known).isEqualTo(unknown);
        assertThat(codeInMail(username, 2)).isNotEmpty();
    }

    /** Signs up {@code prefix}-something and confirms it, with the first code mailed to it. */
    private String signUpConfirmed(String prefix) throws InterruptedException {
        String username = signUpUnconfirmed(prefix);
        confirm(username, codeInMail(username, 1)).expectStatus().isNoContent();
        return username;
    }

    private WebTestClient.ResponseSpec signIn(String username, String password) {
        return post("/auth/sign-in", Map.of("username", username, "password", password));
    }

    /** Signs up {@code prefix}-something and returns its username, once its confirmation mail arrived. */
    private String signUpUnconfirmed(String prefix) throws InterruptedException {
        String username = uniqueName(prefix);
        post("/auth/sign-up", signUpBody(username)).expectStatus().isEqualTo(HttpStatus.CREATED);
        TestMailServer.awaitMail(emailOf(username), 1);
        return username;
    }

    private String userIdOf(String username) {
        return jdbc.sql("select id from chat_user where username = ?")
                .param(username)
                .query(String.class)
                .single();
    }

    private String codeInMail(String username, int n) throws InterruptedException {
        Matcher code = CODE.matcher(TestMailServer.awaitMail(emailOf(username), n));
        assertThat(code.find()).as("a code in the mail").isTrue();
        return code.group(1);
    }

    private WebTestClient.ResponseSpec confirm(String username, String code) {
        return post("/auth/confirm-sign-up", Map.of("username", username, "code", code));
    }

    private static void expectInvalidCode(WebTestClient.ResponseSpec response) {
        response.expectStatus().isBadRequest().expectBody().jsonPath("$.error").isEqualTo("invalid_code");
    }

    private WebTestClient.ResponseSpec post(String path, Map<String, String> body) {
        return http().post().uri(path).bodyValue(body).exchange();
    }

    private static Map<String, String> signUpBody(String username) {
        return Map.of("username", username, "email", emailOf(username), "password", passwordOf(username));
    }

    private static String otherThan(String code) {
        return String.format(Locale.ROOT, "%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    private static String emailOf(String username) {
        return username + "@example.com";
    }

    private static String passwordOf(String username) {
        return "password-" + username;
    }
}

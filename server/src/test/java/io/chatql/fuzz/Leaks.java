package io.chatql.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.springframework.boot.test.system.CapturedOutput;

/**
 * What the server must never show a client: the name of a Java or library class, or a stack trace.
 * AppSync's own error types, {@code UnauthorizedException} and {@code BadRequestException}, are its
 * protocol, not class names.
 */
final class Leaks {

    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:java|javax|jakarta|sun|reactor|graphql|io\\.netty"
            + "|io\\.lettuce|io\\.chatql|org\\.springframework|org\\.h2|org\\.postgresql|org\\.flywaydb|tools\\.jackson"
            + "|com\\.fasterxml|com\\.nimbusds)\\.[a-z]|(?<!Unauthorized|BadRequest)Exception\\b|\\tat ");

    private Leaks() {}

    /** Fails if {@code text}, something the server sent, names a class or holds a stack trace. */
    static void assertNoneIn(String what, String text) {
        assertThat(CLASS_NAME.matcher(text).find())
                .as("%s names a class or holds a stack trace: %s", what, abbreviated(text))
                .isFalse();
    }

    /** Fails if the log holds a stack trace or names an exception: client errors are not logged so. */
    static void assertNoStackTrace(CapturedOutput output) {
        assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}

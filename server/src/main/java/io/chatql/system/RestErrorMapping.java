package io.chatql.system;

import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.MailException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/**
 * Answers the refusals of the server's REST endpoints, such as {@code /auth} and {@code
 * /analytics/events}, as JSON {@code {"error", "message"}}: a {@link RequestRefusedException} with the
 * status, code and {@code Retry-After} it carries, and the refusals every feature shares with 400, 401,
 * 409 or 503. Anything else is left to Spring Boot, which answers 500 without its message or stack
 * trace and logs it. The actuator's endpoints are not the server's and keep their own answers.
 */
@RestControllerAdvice(basePackages = "io.chatql")
public class RestErrorMapping {

    private static final Logger LOG = LoggerFactory.getLogger(RestErrorMapping.class);

    /** The answer to {@code ex}; for a controller's own handler of an error it answers otherwise. */
    @ExceptionHandler
    public static ResponseEntity<Body> refused(RequestRefusedException ex) {
        return answer(ex.status(), ex.error(), ex.getMessage(), ex.retryAfterSeconds());
    }

    @ExceptionHandler
    ResponseEntity<Body> invalidInput(InvalidInputException ex) {
        return answer(HttpStatus.BAD_REQUEST, "invalid_request", ex.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<Body> unreadableBody(ServerWebInputException ex) {
        for (Throwable cause = ex.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InvalidInputException invalid) {
                return invalidInput(invalid);
            }
        }
        return answer(HttpStatus.BAD_REQUEST, "invalid_request", "the request body must be a JSON object");
    }

    @ExceptionHandler
    ResponseEntity<Body> conflict(ConflictException ex) {
        return answer(HttpStatus.CONFLICT, "conflict", ex.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<Body> unauthorized(AuthenticationException ex) {
        return answer(HttpStatus.UNAUTHORIZED, "unauthorized", ex.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<Body> mailUnavailable(MailException ex) {
        LOG.error("Could not send an e-mail", ex);
        return answer(
                HttpStatus.SERVICE_UNAVAILABLE,
                "mail_unavailable",
                "the e-mail could not be sent and nothing was stored; try again later");
    }

    private static ResponseEntity<Body> answer(HttpStatus status, String error, @Nullable String message) {
        return answer(status, error, message, OptionalLong.empty());
    }

    private static ResponseEntity<Body> answer(
            HttpStatus status, String error, @Nullable String message, OptionalLong retryAfterSeconds) {
        LOG.debug("Refused a request with {}: {}", status.value(), message);
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
        retryAfterSeconds.ifPresent(seconds -> answer.header(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
        return answer.body(new Body(error, message));
    }

    /** The body of a refusal: a stable code for programs, and a sentence for people. */
    public record Body(String error, @Nullable String message) {

        static Body of(RequestRefusedException ex) {
            return new Body(ex.error(), ex.getMessage());
        }
    }
}

package io.chatql.auth;

import io.chatql.system.ConflictException;
import io.chatql.system.ErrorAnswers;
import io.chatql.system.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mail.MailException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebInputException;

/**
 * Answers the identity endpoints' errors as JSON {@code {"error", "message"}} with 400, 401, 403, 409,
 * 429 (with {@code Retry-After}) or 503; never with a stack trace.
 */
@RestControllerAdvice(assignableTypes = AuthController.class)
class AuthErrors {

    private static final Logger LOG = LoggerFactory.getLogger(AuthErrors.class);

    @ExceptionHandler
    ResponseEntity<ErrorAnswers.Body> invalidInput(InvalidInputException ex) {
        return answer(HttpStatus.BAD_REQUEST, "invalid_request", ex.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ErrorAnswers.Body> unreadableBody(ServerWebInputException ex) {
        return answer(HttpStatus.BAD_REQUEST, "invalid_request", "the request body must be a JSON object");
    }

    @ExceptionHandler
    ResponseEntity<ErrorAnswers.Body> conflict(ConflictException ex) {
        return answer(HttpStatus.CONFLICT, "conflict", ex.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ErrorAnswers.Body> unauthorized(AuthenticationException ex) {
        return answer(HttpStatus.UNAUTHORIZED, "unauthorized", ex.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ErrorAnswers.Body> invalidCode(InvalidCodeException ex) {
        return answer(HttpStatus.BAD_REQUEST, "invalid_code", ex.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ErrorAnswers.Body> notConfirmed(UserNotConfirmedException ex) {
        return answer(HttpStatus.FORBIDDEN, "user_not_confirmed", ex.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ErrorAnswers.Body> tooManyAttempts(TooManyAttemptsException ex) {
        LOG.debug("Refused an identity request: {}", ex.getMessage());
        return ErrorAnswers.tooManyRequests(ex.retryAfterSeconds(), "too_many_attempts", ex.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ErrorAnswers.Body> mailUnavailable(MailException ex) {
        LOG.error("Could not send an identity e-mail", ex);
        return answer(
                HttpStatus.SERVICE_UNAVAILABLE,
                "mail_unavailable",
                "the e-mail could not be sent and nothing was stored; try again later");
    }

    private static ResponseEntity<ErrorAnswers.Body> answer(HttpStatus status, String error, String message) {
        LOG.debug("Refused identity request with {}: {}", status.value(), message);
        return ErrorAnswers.of(status, error, message);
    }
}

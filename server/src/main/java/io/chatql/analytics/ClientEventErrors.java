package io.chatql.analytics;

import io.chatql.system.ErrorAnswers;
import io.chatql.system.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ContentTooLargeException;
import org.springframework.web.server.ServerWebInputException;

/**
 * Answers the refusals of {@code POST /analytics/events} as JSON {@code {"error", "message"}}: 400 for
 * a bad event or malformed JSON, 413 for a body over 1 MB, 429 with {@code Retry-After} over the rate
 * limit; never with a stack trace.
 */
@RestControllerAdvice(assignableTypes = ClientEventController.class)
class ClientEventErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ClientEventErrors.class);

    @ExceptionHandler
    ResponseEntity<ErrorAnswers.Body> invalidEvent(InvalidInputException ex) {
        return answer(HttpStatus.BAD_REQUEST, "invalid_event", ex.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ErrorAnswers.Body> unreadableBody(ServerWebInputException ex) {
        return answer(
                HttpStatus.BAD_REQUEST,
                "invalid_request",
                "the request body must be a JSON object {\"events\": [...]}");
    }

    /** As the server answers bodies declared larger than 1 MB, for those sent without a length. */
    @ExceptionHandler
    ResponseEntity<ErrorAnswers.Body> tooLarge(ContentTooLargeException ex) {
        return answer(HttpStatus.CONTENT_TOO_LARGE, "payload_too_large", "the request body must be at most 1 MB");
    }

    @ExceptionHandler
    ResponseEntity<ErrorAnswers.Body> tooManyEvents(TooManyEventsException ex) {
        LOG.debug("Refused analytics events with 429: {}", ex.getMessage());
        return ErrorAnswers.tooManyRequests(ex.retryAfterSeconds(), "too_many_events", ex.getMessage());
    }

    private static ResponseEntity<ErrorAnswers.Body> answer(HttpStatus status, String error, String message) {
        LOG.debug("Refused analytics events with {}: {}", status.value(), message);
        return ErrorAnswers.of(status, error, message);
    }
}

package io.chatql.system;

import graphql.ErrorClassification;
import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/** The one place where domain exceptions are given their GraphQL error type. */
public final class ErrorTypes {

    /** A subscription that fell too far behind was ended, and may resume with {@code after}. */
    static final ErrorClassification FELL_BEHIND = ErrorClassification.errorClassification("FELL_BEHIND");

    /**
     * The database is briefly unavailable and nothing was stored: retry after a short backoff. Not
     * Spring's {@code ErrorType.INTERNAL_ERROR}, which says that retrying as is may fail the same way.
     */
    static final ErrorClassification UNAVAILABLE = ErrorClassification.errorClassification("UNAVAILABLE");

    private ErrorTypes() {}

    /** The error type for {@code ex}, or null when it is not a client error and must stay internal. */
    public static @Nullable ErrorClassification of(Throwable ex) {
        if (ex instanceof InvalidInputException || ex instanceof ConflictException) {
            return ErrorType.BAD_REQUEST;
        }
        if (ex instanceof NotFoundException) {
            return ErrorType.NOT_FOUND;
        }
        if (ex instanceof ForbiddenException || ex instanceof AccessDeniedException) {
            return ErrorType.FORBIDDEN;
        }
        if (ex instanceof AuthenticationException) {
            return ErrorType.UNAUTHORIZED;
        }
        if (ex instanceof FellBehindException) {
            return FELL_BEHIND;
        }
        if (ex instanceof DatabaseUnavailableException) {
            return UNAVAILABLE;
        }
        return null;
    }
}

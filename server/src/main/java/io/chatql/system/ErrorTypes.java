package io.chatql.system;

import org.jspecify.annotations.Nullable;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;

/** The one place where domain exceptions are given their GraphQL error type. */
final class ErrorTypes {

    private ErrorTypes() {}

    /** The error type for {@code ex}, or null when it is not a client error and must stay internal. */
    static @Nullable ErrorType of(Throwable ex) {
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
        return null;
    }
}

package io.chatql.system;

import org.jspecify.annotations.Nullable;

/** Checks of client-supplied strings, shared by every feature; each failure names the argument. */
public final class Inputs {

    /** The longest id a client may choose, for conversations and messages. */
    public static final int MAX_ID_LENGTH = 128;

    private Inputs() {}

    /** {@code value} when it is a usable id: not empty, at most 128 characters, no control characters. */
    public static String requireId(String argument, @Nullable String value) {
        return requireText(argument, value, MAX_ID_LENGTH);
    }

    /** {@code value} when it is not empty, at most {@code maxLength} long and free of control characters. */
    public static String requireText(String argument, @Nullable String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            throw new InvalidInputException(argument + " must not be empty");
        }
        if (value.length() > maxLength) {
            throw new InvalidInputException(argument + " must be at most " + maxLength + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException(argument + " must not contain control characters");
        }
        return value;
    }
}

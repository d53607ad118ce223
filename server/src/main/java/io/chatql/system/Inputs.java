package io.chatql.system;

import org.jspecify.annotations.Nullable;

/** Checks of client-supplied strings, shared by every feature; each failure names the argument. */
public final class Inputs {

    /** The longest id a client may choose, for conversations and messages. */
    public static final int MAX_ID_LENGTH = 128;

    private Inputs() {}

    /**
     * Whether {@code value} is text that H2 and PostgreSQL both store as sent: free of NUL, which
     * PostgreSQL refuses, and of unpaired UTF-16 surrogates, which it replaces by {@code ?}. Every text
     * a client sends is held to this at the edge, so that both databases accept the same inputs.
     */
    public static boolean isStorable(CharSequence value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\u0000') {
                return false;
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** {@code value} when it is null or {@linkplain #isStorable storable}. */
    public static @Nullable String requireStorable(String argument, @Nullable String value) {
        if (value != null && !isStorable(value)) {
            throw new InvalidInputException(argument + " " + UNSTORABLE);
        }
        return value;
    }

    /** What is wrong with text that is not {@linkplain #isStorable storable}. */
    public static final String UNSTORABLE = "must not contain NUL characters or unpaired surrogates";

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

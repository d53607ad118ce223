package io.chatql.user;

import io.chatql.system.InvalidInputException;
import java.util.Locale;
import java.util.regex.Pattern;

/** The rule for usernames: 3 to 32 letters, digits, dots, underscores or hyphens, unique ignoring case. */
public final class Usernames {

    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{Nd}._-]{3,32}");

    private Usernames() {}

    /** {@code username} when it follows the rule, otherwise an {@link InvalidInputException}. */
    public static String requireValid(String username) {
        if (!VALID.matcher(username).matches()) {
            throw new InvalidInputException("username must be 3 to 32 letters, digits, '.', '_' or '-'");
        }
        return username;
    }

    /** Whether two usernames name the same user. */
    public static boolean sameName(String one, String other) {
        return key(one).equals(key(other));
    }

    /** The key under which usernames are unique: the same for names that differ only in case. */
    static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}

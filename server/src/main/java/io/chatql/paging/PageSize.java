package io.chatql.paging;

import io.chatql.system.InvalidInputException;
import org.jspecify.annotations.Nullable;

/** The validated {@code first} argument of a listing: 1 to {@value #MAX}, 20 when absent. */
public record PageSize(int value) {

    public static final int MAX = 100;

    public static final int DEFAULT = 20;

    /** The page size asked for by {@code first}, or the default; refuses 0, negatives and over 100. */
    public static PageSize of(@Nullable Integer first) {
        if (first == null) {
            return new PageSize(DEFAULT);
        }
        if (first < 1 || first > MAX) {
            throw new InvalidInputException("first must be between 1 and " + MAX + ", was " + first);
        }
        return new PageSize(first);
    }

    /** The number of rows to fetch: one more than the page, to learn whether another page follows. */
    public int fetchSize() {
        return value + 1;
    }
}

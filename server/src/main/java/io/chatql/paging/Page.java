package io.chatql.paging;

import java.util.List;
import java.util.function.ToLongFunction;
import org.jspecify.annotations.Nullable;

/**
 * One page of a listing and the position to continue from, or null on the last page.
 *
 * @param items the items of this page, in listing order
 * @param nextPosition the position of the last item when more items follow it, otherwise null
 */
public record Page<T>(List<T> items, @Nullable Long nextPosition) {

    /**
     * Builds a page from rows fetched with a limit of {@code size + 1}: the extra row only tells that
     * another page exists.
     */
    public static <T> Page<T> of(List<T> rows, PageSize size, ToLongFunction<T> position) {
        if (rows.size() <= size.value()) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, size.value());
        return new Page<>(List.copyOf(items), position.applyAsLong(items.get(items.size() - 1)));
    }
}

package io.chatql.system;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * The idiom behind a {@code @BatchMapping}: the items of one level of a result refer to other things by
 * id; load each of those once for all the items, then pair every item with its own.
 */
public final class Referents {

    private Referents() {}

    /**
     * Each of {@code items} with the thing it refers to by {@code reference}, read by {@code load} in one
     * go and known by {@code id}; an item whose referent is not found is left out.
     */
    public static <I, K, R> Map<I, R> of(
            List<I> items, Function<I, K> reference, Function<Set<K>, Collection<R>> load, Function<R, K> id) {
        Set<K> wanted = items.stream().map(reference).collect(Collectors.toSet());
        Map<K, R> byId = load.apply(wanted).stream().collect(Collectors.toMap(id, Function.identity()));
        Map<I, R> paired = new LinkedHashMap<>();
        for (I item : items) {
            R referent = byId.get(reference.apply(item));
            if (referent != null) {
                paired.putIfAbsent(item, referent);
            }
        }
        return paired;
    }

    /**
     * The same, for items that may carry their referent already, as {@code carried} tells: only the
     * others' are read, on {@code blocking}, and nothing is read when every item carries its own.
     */
    public static <I, K, R> Mono<Map<I, R>> of(
            List<I> items,
            Function<I, @Nullable R> carried,
            Function<I, K> reference,
            Function<Set<K>, Collection<R>> load,
            Function<R, K> id,
            BlockingWork blocking) {
        Map<I, R> paired = new LinkedHashMap<>();
        List<I> unknown = new ArrayList<>();
        for (I item : items) {
            R referent = carried.apply(item);
            if (referent != null) {
                paired.put(item, referent);
            } else {
                unknown.add(item);
            }
        }
        if (unknown.isEmpty()) {
            return Mono.just(paired);
        }
        return blocking.of(() -> {
            paired.putAll(of(unknown, reference, load, id));
            return paired;
        });
    }
}

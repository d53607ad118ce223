package io.chatql.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReferentsTests {

    record Post(String id, String author) {}

    record Author(String id, String name) {}

    private final List<Set<String>> loads = new ArrayList<>();

    @Test
    void eachReferentIsLoadedOnceForAllItemsAndPairedWithEachItemThatRefersToIt() {
        Post first = new Post("p1", "ada");
        Post second = new Post("p2", "ada");
        Post third = new Post("p3", "bob");

        assertThat(Referents.of(List.of(first, second, third), Post::author, this::authors, Author::id))
                .containsOnly(entry(first, "Ada"), entry(second, "Ada"), entry(third, "Bob"));
        assertThat(loads).containsExactly(Set.of("ada", "bob"));
    }

    @Test
    void anItemWhoseReferentIsGoneIsLeftOut() {
        Post orphan = new Post("p1", "nobody");

        assertThat(Referents.of(List.of(orphan), Post::author, this::authors, Author::id))
                .isEmpty();
    }

    @Test
    void theSameItemTwiceIsPairedOnce() {
        Post post = new Post("p1", "bob");

        assertThat(Referents.of(List.of(post, post), Post::author, this::authors, Author::id))
                .containsOnly(entry(post, "Bob"));
    }

    private static Map.Entry<Post, Author> entry(Post post, String name) {
        return Map.entry(post, new Author(post.author(), name));
    }

    private List<Author> authors(Set<String> ids) {
        loads.add(ids);
        return ids.stream()
                .filter(id -> !id.equals("nobody"))
                .map(id -> new Author(id, Character.toUpperCase(id.charAt(0)) + id.substring(1)))
                .toList();
    }
}

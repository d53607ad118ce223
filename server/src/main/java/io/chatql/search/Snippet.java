package io.chatql.search;

import java.util.List;

/**
 * A piece of a message's content around what a search found in it, as plain text: nothing in it is
 * markup. {@code highlights} are the matches, each from the UTF-16 offset {@code start} of {@code text}
 * up to, not including, {@code end}, in order and apart; a piece cut from a longer content starts or
 * ends with an ellipsis (…).
 */
record Snippet(String text, List<Highlight> highlights) {

    record Highlight(int start, int end) {}
}

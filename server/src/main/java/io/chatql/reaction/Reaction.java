package io.chatql.reaction;

import java.util.List;

/**
 * One emoji on a message: how many members put it there, whether the viewer is one of them, and the
 * names of the first few, in the order they reacted.
 */
record Reaction(String emoji, int count, boolean reactedByMe, List<String> names) {

    /** How many names a reaction shows. */
    static final int NAMES_SHOWN = 5;
}

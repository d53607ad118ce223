package io.chatql.reading;

import io.chatql.user.User;
import java.util.List;

/** Who has read a message: how many members, and the first {@value #MOST_NAMED} of them. */
record SeenBy(int count, List<User> users) {

    static final int MOST_NAMED = 100;

    static final SeenBy NO_ONE = new SeenBy(0, List.of());
}

package io.chatql.message;

import io.chatql.conversation.ConversationAccess;
import io.chatql.user.User;
import io.chatql.user.UserRepository;
import io.chatql.user.Usernames;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The members a message's content mentions: each {@code @username} that names a member of the
 * conversation, in the order they first appear. A name that is no member's is plain text. A name
 * may be followed by punctuation ("@bob."), and counts only where it starts a word ("me@home" is
 * none).
 */
@Component
class Mentions {

    /** The most names of one message that are looked up. */
    static final int MOST = 50;

    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{Nd}._@-])@([\\p{L}\\p{Nd}._-]{3,32})");

    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[._-]+$");

    private final UserRepository users;

    private final ConversationAccess access;

    Mentions(UserRepository users, ConversationAccess access) {
        this.users = users;
        this.access = access;
    }

    /** The ids of the members of the conversation that {@code content} mentions. Blocking. */
    List<String> in(String conversationId, String content) {
        Set<String> names = names(content);
        if (names.isEmpty()) {
            return List.of();
        }
        List<User> named = users.findAllByUsername(names);
        Set<String> members =
                access.membersAmong(conversationId, named.stream().map(User::id).toList());
        Set<String> mentioned = new LinkedHashSet<>();
        for (String name : names) {
            named.stream()
                    .filter(user -> Usernames.sameName(user.username(), name) && members.contains(user.id()))
                    .findFirst()
                    .ifPresent(user -> mentioned.add(user.id()));
        }
        return List.copyOf(mentioned);
    }

    /** The names after each {@code @}, with and without punctuation that follows them. */
    static Set<String> names(String content) {
        Set<String> names = new LinkedHashSet<>();
        if (content.indexOf('@') < 0) {
            return names;
        }
        Matcher matcher = MENTION.matcher(content);
        while (matcher.find() && names.size() < MOST) {
            String name = matcher.group(1);
            names.add(name);
            String bare = TRAILING_PUNCTUATION.matcher(name).replaceFirst("");
            if (bare.length() >= 3) {
                names.add(bare);
            }
        }
        return names;
    }
}

package io.chatql.user;

/**
 * A ChatQL user. Its {@code id} is the subject of its tokens, and is also served as {@code cognitoId},
 * the name the original API gave it.
 */
public record User(String id, String username, boolean registered) {

    public String cognitoId() {
        return id;
    }
}

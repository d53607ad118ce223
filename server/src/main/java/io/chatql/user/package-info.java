/**
 * Users: the record made at sign-up, registration and renaming with {@code createUser}, the listing of
 * all users and the {@code me} query, and the announcement of new users.
 */
@NullMarked
package io.chatql.user;

import org.jspecify.annotations.NullMarked;

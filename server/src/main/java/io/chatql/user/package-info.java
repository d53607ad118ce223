/**
 * Users: the record made at sign-up, registration and renaming with {@code createUser}, the listing of
 * all users and the {@code me} query, the announcement of new users, and the root of each user's
 * settings, to which the features add their own.
 */
@NullMarked
package io.chatql.user;

import org.jspecify.annotations.NullMarked;

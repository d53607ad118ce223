/** The web client: the server serves the Angular app built by the {@code web} module. */
@NullMarked
package io.chatql.web;

import org.jspecify.annotations.NullMarked;

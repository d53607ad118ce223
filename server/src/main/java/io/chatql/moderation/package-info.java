/**
 * Moderation: members report messages to the administrators, whose queue lists the reports, newest
 * first, and who resolve each by dismissing it, deleting the message or disabling its author.
 */
@NullMarked
package io.chatql.moderation;

import org.jspecify.annotations.NullMarked;

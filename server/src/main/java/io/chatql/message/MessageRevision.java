package io.chatql.message;

/**
 * What a message said before one of its edits, kept for administrators.
 *
 * @param revision 1 for the content as first posted, then one more for each edit after it
 * @param replacedAt when the edit replaced it, ISO-8601
 */
record MessageRevision(int revision, String content, String replacedAt) {}

/**
 * Files and images attached to messages: uploads asked for, sent straight to the store (the server's
 * own data directory, or an S3-compatible object store with presigned URLs) and completed; the type
 * read from the bytes, images' metadata stripped and their thumbnails made, an optional scanner; and
 * signed, expiring download URLs for the members of the conversation.
 */
@NullMarked
package io.chatql.file;

import org.jspecify.annotations.NullMarked;

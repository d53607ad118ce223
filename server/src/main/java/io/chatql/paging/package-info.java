/**
 * Keyset paging shared by every listing of the API: page sizes, pages, and opaque {@code nextToken}
 * cursors that are signed so that a forged or altered token is refused rather than followed.
 */
@NullMarked
package io.chatql.paging;

import org.jspecify.annotations.NullMarked;

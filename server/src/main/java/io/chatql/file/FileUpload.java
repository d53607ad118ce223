package io.chatql.file;

import java.util.List;

/** An upload asked for: where to send its bytes, how, and until when. */
record FileUpload(String id, String url, String method, List<FileStore.Header> headers, String expiresAt) {}

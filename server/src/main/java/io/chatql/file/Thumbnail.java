package io.chatql.file;

/** The thumbnail of an image that fits a square of {@code side}, of the type {@code contentType}. */
record Thumbnail(String uploadId, int side, int width, int height, String contentType) {}

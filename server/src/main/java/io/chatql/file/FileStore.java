package io.chatql.file;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;

/**
 * Where the bytes of files are kept, by key: an upload's key is {@code <upload id>/<variant>}. Clients
 * send and fetch them with the URLs the store signs, so that the bytes need not pass through a GraphQL
 * request. Every method but the URLs' blocks.
 */
interface FileStore {

    /** Where and how a client sends exactly {@code size} bytes for {@code key}, until {@code expiresAt}. */
    UploadTarget uploadTarget(String key, String contentType, long size, Instant expiresAt);

    /**
     * A URL that serves {@code key} as {@code contentType}, inline for an image or otherwise as the
     * download of a file called {@code name}, until {@code expiresAt}.
     */
    String downloadUrl(String key, String contentType, String name, boolean inline, Instant expiresAt);

    /** The size of what is stored under {@code key}; empty when nothing is. */
    OptionalLong sizeOf(String key) throws IOException;

    /** What is stored under {@code key}, to read once. */
    InputStream open(String key) throws IOException;

    /** Stores the contents of {@code file} under {@code key}, served as {@code contentType}. */
    void put(String key, Path file, String contentType) throws IOException;

    /** Moves what is stored under {@code from} to {@code to}, in the store. */
    void move(String from, String to) throws IOException;

    /** Removes what is stored under each of {@code keys}; a key with nothing is no error. */
    void delete(Collection<String> keys) throws IOException;

    /** The URL, method and headers of an upload. */
    record UploadTarget(String url, String method, List<Header> headers) {}

    /** A header a client must send, with its value. */
    record Header(String name, String value) {}
}

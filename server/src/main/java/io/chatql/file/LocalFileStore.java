package io.chatql.file;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The files in a directory of the server's, {@code chatql.files.directory}: each key a file. Clients
 * send and fetch them through {@link LocalFileEndpoints}, with URLs relative to the server that carry
 * a {@link FileTokens} token.
 */
class LocalFileStore implements FileStore {

    static final String UPLOAD_PURPOSE = "put";

    static final String DOWNLOAD_PURPOSE = "get";

    /** The keys this store makes: an upload id and a variant, in URL-safe characters. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]+/[a-z0-9]+");

    private final Path directory;

    private final FileTokens tokens;

    LocalFileStore(Path directory, FileTokens tokens) {
        this.directory = directory;
        this.tokens = tokens;
    }

    @Override
    public UploadTarget uploadTarget(String key, String contentType, long size, Instant expiresAt) {
        String token = tokens.sign(UPLOAD_PURPOSE, expiresAt, List.of(key, Long.toString(size)));
        return new UploadTarget(
                LocalFileEndpoints.UPLOADS + URLEncoder.encode(token, StandardCharsets.UTF_8),
                "PUT",
                List.of(new Header("Content-Type", contentType)));
    }

    @Override
    public String downloadUrl(String key, String contentType, String name, boolean inline, Instant expiresAt) {
        String token = tokens.sign(
                DOWNLOAD_PURPOSE, expiresAt, List.of(key, contentType, inline ? "inline" : "attachment", name));
        return LocalFileEndpoints.DOWNLOADS + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    @Override
    public OptionalLong sizeOf(String key) throws IOException {
        try {
            return OptionalLong.of(Files.size(pathOf(key)));
        } catch (NoSuchFileException absent) {
            return OptionalLong.empty();
        }
    }

    @Override
    public InputStream open(String key) throws IOException {
        return Files.newInputStream(pathOf(key));
    }

    @Override
    public void put(String key, Path file, String contentType) throws IOException {
        Path target = pathOf(key);
        Files.createDirectories(target.getParent());
        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void move(String from, String to) throws IOException {
        Files.move(pathOf(from), pathOf(to), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void delete(Collection<String> keys) throws IOException {
        for (String key : keys) {
            Path path = pathOf(key);
            Files.deleteIfExists(path);
            try {
                Files.deleteIfExists(path.getParent());
            } catch (DirectoryNotEmptyException othersLeft) {
                // The upload's other variants are still there.
            }
        }
    }

    /** The file of {@code key}, which a token names only as this store made it. */
    Path pathOf(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a key of this store: " + key);
        }
        return directory.resolve(key);
    }

    /** Where the bytes of an upload to {@code key} go while they arrive. */
    Path partOf(String key) {
        return pathOf(key).resolveSibling(pathOf(key).getFileName() + ".part");
    }
}

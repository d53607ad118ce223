package io.chatql.file;

import io.chatql.conversation.ConversationAccess;
import io.chatql.message.LockedMessages;
import io.chatql.message.Message;
import io.chatql.message.MessageDeleted;
import io.chatql.system.BlockingWork;
import io.chatql.system.ConflictException;
import io.chatql.system.ForbiddenException;
import io.chatql.system.Inputs;
import io.chatql.system.InvalidInputException;
import io.chatql.system.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/**
 * The life of an upload: asked for by a member, its bytes sent straight to the store, completed
 * (read, scanned, an image stripped and scaled), attached to a message of its uploader's, and removed
 * with the message, or a day after it was asked for when it was never attached.
 */
@Service
class Uploads {

    private static final Logger LOG = LoggerFactory.getLogger(Uploads.class);

    /** The most files one message carries. */
    static final int MOST_PER_MESSAGE = 10;

    private static final int LONGEST_NAME = 255;

    private static final Pattern CONTENT_TYPE = Pattern.compile("[\\w.+-]+/[\\w.+-]+");

    private final FileRepository uploads;

    private final FileStore store;

    private final FileScanner scanner;

    private final Images images;

    private final FileProperties properties;

    private final ConversationAccess access;

    private final LockedMessages messages;

    private final TransactionOperations transaction;

    private final BlockingWork blocking;

    private final Clock clock;

    private final SecureRandom random = new SecureRandom();

    Uploads(
            FileRepository uploads,
            FileStore store,
            FileScanner scanner,
            FileProperties properties,
            ConversationAccess access,
            LockedMessages messages,
            TransactionOperations transaction,
            BlockingWork blocking,
            Clock clock) {
        this.uploads = uploads;
        this.store = store;
        this.scanner = scanner;
        this.images = new Images(properties.maxPixels(), properties.thumbnailSides());
        this.properties = properties;
        this.access = access;
        this.messages = messages;
        this.transaction = transaction;
        this.blocking = blocking;
        this.clock = clock;
    }

    /**
     * A new upload into the conversation of the caller's, and where to send its {@code size} bytes:
     * at most {@code chatql.files.max-size}. {@code contentType} is only what the client sends the
     * bytes as; what they are is read from them on completion.
     */
    Mono<FileUpload> request(String callerId, String conversationId, String name, String contentType, long size) {
        Inputs.requireId("conversationId", conversationId);
        Inputs.requireStorable("name", Inputs.requireText("name", name, LONGEST_NAME));
        if (!CONTENT_TYPE
                .matcher(Inputs.requireText("contentType", contentType, 128))
                .matches()) {
            throw new InvalidInputException("contentType must be a media type such as image/jpeg");
        }
        long maxSize = properties.maxSize().toBytes();
        if (size < 1 || size > maxSize) {
            throw new InvalidInputException("size must be between 1 and " + maxSize + " bytes");
        }
        String id = newId();
        return blocking.of(() -> {
            access.requireMember(callerId, conversationId);
            uploads.insert(id, conversationId, callerId, name, size, OffsetDateTime.now(clock));
            Instant expiresAt = clock.instant().plus(properties.uploadExpiry());
            FileStore.UploadTarget target = store.uploadTarget(Upload.receivedKey(id), contentType, size, expiresAt);
            return new FileUpload(id, target.url(), target.method(), target.headers(), expiresAt.toString());
        });
    }

    /**
     * Completes the caller's upload once its bytes arrived: reads their type, has the scanner look at
     * them, and for an image refuses one with too many pixels, strips its metadata and makes its
     * thumbnails. Idempotent: a completed upload is returned as it is. A refused image is removed; a
     * held file stays held.
     */
    Mono<Attachment> complete(String callerId, String uploadId) {
        Inputs.requireId("uploadId", uploadId);
        return blocking.of(() -> {
            Upload upload = uploads.find(uploadId)
                    .filter(found -> found.uploaderId().equals(callerId))
                    .orElseThrow(() -> uploadNotFound(uploadId));
            access.requireMember(callerId, upload.conversationId());
            return switch (upload.status()) {
                case READY -> uploads.attachment(upload);
                case HELD -> throw held(uploadId);
                case REQUESTED -> completeNow(upload);
            };
        });
    }

    /**
     * Attaches the caller's completed uploads to a message the caller wrote, at most 10 to a message.
     * Idempotent: an upload already on this message stays on it.
     */
    Mono<Message> attach(String callerId, String conversationId, String messageId, List<String> uploadIds) {
        Inputs.requireId("conversationId", conversationId);
        Inputs.requireId("messageId", messageId);
        Set<String> ids = new LinkedHashSet<>();
        uploadIds.forEach(id -> ids.add(Inputs.requireId("uploadIds", id)));
        if (ids.isEmpty() || ids.size() > MOST_PER_MESSAGE) {
            throw new InvalidInputException("uploadIds must name 1 to " + MOST_PER_MESSAGE + " uploads");
        }
        return blocking.of(() -> transaction.execute(status -> {
            access.requireMember(callerId, conversationId);
            Message message = messages.lock(conversationId, messageId);
            if (!message.sender().equals(callerId)) {
                throw new ForbiddenException("only its author may attach files to a message");
            }
            if (message.deleted()) {
                throw new ConflictException("message " + messageId + " was deleted");
            }
            List<Upload> found = uploads.lockAll(ids);
            List<String> adding = new ArrayList<>();
            for (String id : ids) {
                Upload upload = found.stream()
                        .filter(candidate -> candidate.id().equals(id)
                                && candidate.uploaderId().equals(callerId)
                                && candidate.conversationId().equals(conversationId))
                        .findFirst()
                        .orElseThrow(() -> uploadNotFound(id));
                if (upload.status() != Upload.Status.READY) {
                    throw new InvalidInputException("upload " + id + " must be completed first");
                }
                if (upload.messageId() == null) {
                    adding.add(id);
                } else if (!upload.messageId().equals(messageId)) {
                    throw new InvalidInputException("upload " + id + " is attached to another message");
                }
            }
            if (uploads.countOn(conversationId, messageId) + adding.size() > MOST_PER_MESSAGE) {
                throw new InvalidInputException("a message carries at most " + MOST_PER_MESSAGE + " files");
            }
            if (!adding.isEmpty()) {
                uploads.attach(adding, messageId);
            }
            return message;
        }));
    }

    /** A deleted message keeps no files: their rows go with it, their bytes once it is committed. */
    @EventListener
    void onDeleted(MessageDeleted deleted) {
        List<String> ids = uploads.idsOn(
                deleted.message().conversationId(), deleted.message().id());
        if (ids.isEmpty()) {
            return;
        }
        ids.forEach(uploads::delete);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                blocking.run(() -> deleteBytes(ids))
                        .subscribe(
                                done -> {},
                                failed -> LOG.error(
                                        "Could not delete the files of message {}",
                                        deleted.message().id(),
                                        failed));
            }
        });
    }

    /**
     * Removes the uploads asked for longer than {@code chatql.files.abandoned-after} ago and never
     * attached to a message, bytes and all; every hour.
     */
    @Scheduled(fixedDelay = 3_600_000, initialDelay = 60_000)
    void removeAbandoned() {
        OffsetDateTime cutoff = OffsetDateTime.now(clock).minus(properties.abandonedAfter());
        for (String id : uploads.unattachedBefore(cutoff)) {
            if (Boolean.TRUE.equals(transaction.execute(status -> uploads.deleteUnattached(id)))) {
                deleteBytes(List.of(id));
            }
        }
    }

    private Attachment completeNow(Upload upload) throws IOException {
        OptionalLong arrived = store.sizeOf(upload.receivedKey());
        if (arrived.isEmpty()) {
            throw new InvalidInputException(
                    "the bytes of upload " + upload.id() + " have not arrived: send them to its URL first");
        }
        if (arrived.getAsLong() != upload.size()) {
            store.delete(List.of(upload.receivedKey()));
            throw new InvalidInputException("upload " + upload.id() + " was asked for with " + upload.size()
                    + " bytes, and " + arrived.getAsLong() + " arrived: send them again");
        }
        FileTypes type;
        try (InputStream bytes = store.open(upload.receivedKey())) {
            type = FileTypes.of(bytes.readNBytes(FileTypes.HEAD_BYTES));
        }
        FileScanner.Verdict verdict;
        try (InputStream bytes = store.open(upload.receivedKey())) {
            verdict = scanner.scan(bytes);
        }
        if (!verdict.clean()) {
            uploads.markHeld(upload.id());
            LOG.warn("Held back upload {} of user {}: {}", upload.id(), upload.uploaderId(), verdict.finding());
            throw held(upload.id());
        }
        if (!type.image()) {
            store.move(upload.receivedKey(), Upload.fileKey(upload.id()));
            uploads.markReady(upload.id(), type.contentType(), upload.size(), null, null);
            return uploads.attachment(uploads.find(upload.id()).orElseThrow(() -> uploadNotFound(upload.id())));
        }
        Path work = Files.createTempDirectory("chatql-upload-");
        try {
            return completeImage(upload, type, work);
        } finally {
            deleteRecursively(work);
        }
    }

    private Attachment completeImage(Upload upload, FileTypes type, Path work) throws IOException {
        Path received = work.resolve("received");
        try (InputStream bytes = store.open(upload.receivedKey())) {
            Files.copy(bytes, received);
        }
        Path stripped = work.resolve("file");
        Images.Processed image;
        try {
            image = images.process(received, type, stripped);
        } catch (InvalidInputException refused) {
            transaction.executeWithoutResult(status -> uploads.delete(upload.id()));
            deleteBytes(List.of(upload.id()));
            throw refused;
        }
        store.put(Upload.fileKey(upload.id()), stripped, type.imageContentType());
        for (Images.Scaled thumbnail : image.thumbnails()) {
            store.put(
                    Upload.thumbnailKey(upload.id(), thumbnail.side()),
                    Images.thumbnailPath(stripped, thumbnail.side()),
                    type.imageContentType());
        }
        store.delete(List.of(upload.receivedKey()));
        long size = Files.size(stripped);
        transaction.executeWithoutResult(status -> {
            if (uploads.markReady(upload.id(), type.imageContentType(), size, image.width(), image.height())) {
                image.thumbnails().forEach(thumbnail -> uploads.insertThumbnail(upload.id(), thumbnail));
            }
        });
        return uploads.attachment(uploads.find(upload.id()).orElseThrow(() -> uploadNotFound(upload.id())));
    }

    /** Removes every variant of the uploads' bytes that the store may hold. */
    private void deleteBytes(List<String> ids) {
        List<String> keys = new ArrayList<>();
        for (String id : ids) {
            keys.add(Upload.receivedKey(id));
            keys.add(Upload.fileKey(id));
            images.thumbnailSides().forEach(side -> keys.add(Upload.thumbnailKey(id, side)));
        }
        try {
            store.delete(keys);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static NotFoundException uploadNotFound(String id) {
        return new NotFoundException("upload " + id + " not found");
    }

    private static ForbiddenException held(String id) {
        return new ForbiddenException("upload " + id + " was held back by the scanner");
    }
}

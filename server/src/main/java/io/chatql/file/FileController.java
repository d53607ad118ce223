package io.chatql.file;

import io.chatql.message.Message;
import io.chatql.system.BlockingWork;
import io.chatql.system.Caller;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

@Controller
class FileController {

    private final Uploads uploads;

    private final FileRepository repository;

    private final FileStore store;

    private final FileProperties properties;

    private final BlockingWork blocking;

    private final Clock clock;

    FileController(
            Uploads uploads,
            FileRepository repository,
            FileStore store,
            FileProperties properties,
            BlockingWork blocking,
            Clock clock) {
        this.uploads = uploads;
        this.repository = repository;
        this.store = store;
        this.properties = properties;
        this.blocking = blocking;
        this.clock = clock;
    }

    @MutationMapping
    Mono<FileUpload> requestUpload(
            @Argument String conversationId,
            @Argument String name,
            @Argument String contentType,
            @Argument int size,
            Caller caller) {
        return uploads.request(caller.id(), conversationId, name, contentType, size);
    }

    @MutationMapping
    Mono<Attachment> completeUpload(@Argument String uploadId, Caller caller) {
        return uploads.complete(caller.id(), uploadId);
    }

    @MutationMapping
    Mono<Message> attachFiles(
            @Argument String conversationId,
            @Argument String messageId,
            @Argument List<String> uploadIds,
            Caller caller) {
        return uploads.attach(caller.id(), conversationId, messageId, uploadIds);
    }

    /** The files on each message of a page, with their thumbnails, read in two statements for the page. */
    @BatchMapping(typeName = "Message")
    Mono<Map<Message, List<Attachment>>> attachments(List<Message> page) {
        return blocking.of(() -> {
            var attached = repository.attachedTo(page.stream()
                    .map(message -> new FileRepository.MessageKey(message.conversationId(), message.id()))
                    .distinct()
                    .toList());
            Map<Message, List<Attachment>> shown = new HashMap<>();
            for (Message message : page) {
                shown.put(
                        message,
                        attached.getOrDefault(
                                new FileRepository.MessageKey(message.conversationId(), message.id()), List.of()));
            }
            return shown;
        });
    }

    /** A URL of the file, signed now for {@code chatql.files.download-expiry}. */
    @SchemaMapping(typeName = "Attachment")
    String url(Attachment attachment) {
        return store.downloadUrl(
                Upload.fileKey(attachment.id()),
                attachment.contentType(),
                attachment.name(),
                attachment.image(),
                expiry());
    }

    @SchemaMapping(typeName = "Thumbnail")
    String url(Thumbnail thumbnail) {
        return store.downloadUrl(
                Upload.thumbnailKey(thumbnail.uploadId(), thumbnail.side()),
                thumbnail.contentType(),
                "thumbnail-" + thumbnail.side() + (thumbnail.contentType().endsWith("png") ? ".png" : ".jpg"),
                true,
                expiry());
    }

    private Instant expiry() {
        return clock.instant().plus(properties.downloadExpiry());
    }
}

package io.chatql.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Times what completing a photo costs: a 12-megapixel JPEG (4000×3000) re-encoded without its
 * metadata and scaled to the default thumbnails, as {@link Images} does it, ten times after two to
 * warm up. Run with {@code ./mvnw -pl server -q test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.chatql.file.ThumbnailTiming}.
 */
final class ThumbnailTiming {

    private static final int WARM_UP = 2;

    private static final int RUNS = 10;

    private ThumbnailTiming() {}

    public static void main(String[] args) throws IOException {
        Path work = Files.createTempDirectory("chatql-thumbnails");
        try {
            Path photo = Files.write(work.resolve("photo.jpg"), TestImages.jpegWithExif(4000, 3000));
            Images images = new Images(33_000_000, List.of(96, 320, 800));
            long[] millis = new long[RUNS];
            for (int run = -WARM_UP; run < RUNS; run++) {
                long start = System.nanoTime();
                images.process(photo, FileTypes.JPEG, work.resolve("stripped"));
                if (run >= 0) {
                    millis[run] = (System.nanoTime() - start) / 1_000_000;
                }
            }
            Arrays.sort(millis);
            System.out.printf(
                    "12 MP JPEG (%d bytes) to a stripped copy and thumbnails of 96, 320 and 800:"
                            + " median %d ms, fastest %d ms, slowest %d ms over %d runs%n",
                    Files.size(photo), millis[RUNS / 2], millis[0], millis[RUNS - 1], RUNS);
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }
}

package io.chatql.file;

import io.chatql.system.InvalidInputException;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import net.coobird.thumbnailator.Thumbnails;

/**
 * What the server makes of an image: a copy without its metadata (EXIF, its location among them),
 * turned upright as its EXIF orientation said, that others download in its place, and thumbnails that
 * fit in squares of the configured sides, never larger than the image. An image with more pixels than
 * allowed is refused from the size its header gives, before any of it is decoded.
 */
final class Images {

    private final long maxPixels;

    private final List<Integer> thumbnailSides;

    Images(long maxPixels, List<Integer> thumbnailSides) {
        this.maxPixels = maxPixels;
        this.thumbnailSides = thumbnailSides.stream().sorted().distinct().toList();
    }

    /** The configured sides of thumbnails, smallest first. */
    List<Integer> thumbnailSides() {
        return thumbnailSides;
    }

    /**
     * Reads the image in {@code file}, of {@code type}, and writes its stripped copy to {@code stripped}
     * and its thumbnails beside it; refuses one with too many pixels, or that cannot be read.
     */
    Processed process(Path file, FileTypes type, Path stripped) throws IOException {
        Size declared = sizeFromHeader(file);
        if (declared.width() * declared.height() > maxPixels) {
            throw new InvalidInputException("the image has " + declared.width() + "×" + declared.height()
                    + " pixels, more than the " + maxPixels + " allowed");
        }
        BufferedImage upright;
        try {
            upright = Thumbnails.of(file.toFile()).scale(1.0).asBufferedImage();
        } catch (IOException | RuntimeException unreadable) {
            throw new InvalidInputException("the image could not be read");
        }
        write(upright, type, stripped);
        List<Scaled> thumbnails = new ArrayList<>();
        int longer = Math.max(upright.getWidth(), upright.getHeight());
        // The largest thumbnail first, each smaller one scaled from the one before: only the first
        // passes over the image's own pixels, by the million.
        BufferedImage source = upright;
        for (int index = thumbnailSides.size() - 1; index >= 0; index--) {
            int side = thumbnailSides.get(index);
            if (side >= longer) {
                continue;
            }
            BufferedImage scaled = Thumbnails.of(source).size(side, side).asBufferedImage();
            write(scaled, type, thumbnailPath(stripped, side));
            thumbnails.add(0, new Scaled(side, scaled.getWidth(), scaled.getHeight()));
            source = scaled;
        }
        return new Processed(upright.getWidth(), upright.getHeight(), thumbnails);
    }

    /** Where {@link #process} writes the thumbnail of {@code side} of the stripped copy {@code stripped}. */
    static Path thumbnailPath(Path stripped, int side) {
        return stripped.resolveSibling(stripped.getFileName() + "." + side);
    }

    private static Size sizeFromHeader(Path file) throws IOException {
        try (ImageInputStream input = ImageIO.createImageInputStream(file.toFile())) {
            Iterator<ImageReader> readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                throw new InvalidInputException("the image could not be read");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return new Size(reader.getWidth(0), reader.getHeight(0));
            } catch (IOException | RuntimeException unreadable) {
                throw new InvalidInputException("the image could not be read");
            } finally {
                reader.dispose();
            }
        }
    }

    /** Encodes the image as it is, with no metadata: JPEG at quality 0.9, or PNG. */
    private static void write(BufferedImage image, FileTypes type, Path target) throws IOException {
        ImageWriter writer =
                ImageIO.getImageWritersByFormatName(type.imageFormat()).next();
        try (OutputStream file = Files.newOutputStream(target);
                ImageOutputStream output = ImageIO.createImageOutputStream(file)) {
            writer.setOutput(output);
            ImageWriteParam parameters = writer.getDefaultWriteParam();
            if (type == FileTypes.JPEG) {
                parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                parameters.setCompressionQuality(0.9f);
            }
            writer.write(null, new IIOImage(image, null, null), parameters);
        } finally {
            writer.dispose();
        }
    }

    /** A size in pixels. */
    private record Size(long width, long height) {}

    /** What {@link #process} made of an image: its size, upright, and its thumbnails. */
    record Processed(int width, int height, List<Scaled> thumbnails) {}

    /** A thumbnail made to fit a square of {@code side}. */
    record Scaled(int side, int width, int height) {}
}

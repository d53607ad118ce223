package io.chatql.file;

import java.io.IOException;
import java.io.InputStream;

/**
 * Looks at the bytes of a completed upload before anyone may download it, and may hold it back: a
 * held file is never attached or served. {@code chatql.files.scanner.kind} picks one; none by default.
 */
interface FileScanner {

    /** Lets every file through. */
    FileScanner NONE = bytes -> Verdict.CLEAN;

    /** What the scanner says of {@code bytes}; a scanner that cannot tell throws. */
    Verdict scan(InputStream bytes) throws IOException;

    /** Whether the file may go out, and when not what was found in it. */
    record Verdict(boolean clean, String finding) {

        static final Verdict CLEAN = new Verdict(true, "");

        static Verdict found(String finding) {
            return new Verdict(false, finding);
        }
    }
}

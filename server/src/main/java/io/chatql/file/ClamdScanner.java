package io.chatql.file;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * ClamAV's daemon, sent the bytes over TCP with its {@code INSTREAM} command: chunks, each after its
 * length in four bytes, then a chunk of length 0; clamd answers {@code stream: OK}, or {@code stream:
 * <signature> FOUND}. Any other answer, or none in time, is an error, so the file is held back. clamd's
 * {@code StreamMaxLength} must be at least {@code chatql.files.max-size}.
 */
final class ClamdScanner implements FileScanner {

    private static final int CHUNK_BYTES = 64 * 1024;

    private static final int LONGEST_ANSWER = 1024;

    private final String host;

    private final int port;

    private final Duration timeout;

    ClamdScanner(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    @Override
    public Verdict scan(InputStream bytes) throws IOException {
        try (Socket socket = new Socket()) {
            int millis = Math.toIntExact(timeout.toMillis());
            socket.connect(new InetSocketAddress(host, port), millis);
            socket.setSoTimeout(millis);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[CHUNK_BYTES];
            for (int read; (read = bytes.read(chunk)) > 0; ) {
                out.writeInt(read);
                out.write(chunk, 0, read);
            }
            out.writeInt(0);
            out.flush();
            return verdictOf(answerOf(socket.getInputStream()));
        }
    }

    private static String answerOf(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        for (int next; (next = in.read()) > 0 && answer.size() < LONGEST_ANSWER; ) {
            answer.write(next);
        }
        return answer.toString(StandardCharsets.US_ASCII).strip();
    }

    private static Verdict verdictOf(String answer) throws IOException {
        if (answer.equals("stream: OK")) {
            return Verdict.CLEAN;
        }
        if (answer.startsWith("stream: ") && answer.endsWith(" FOUND")) {
            return Verdict.found(answer.substring("stream: ".length(), answer.length() - " FOUND".length()));
        }
        throw new IOException("clamd answered: " + answer);
    }
}

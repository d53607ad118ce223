package io.chatql.file;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in for ClamAV's daemon that speaks its INSTREAM command, and finds {@link #MALWARE} in any
 * file that contains it.
 */
final class FakeClamd implements AutoCloseable {

    /** What this scanner finds. */
    static final String MALWARE = "CHATQL-FAKE-MALWARE-SIGNATURE";

    private final ServerSocket server;

    FakeClamd() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread accepting = new Thread(this::accept, "fake-clamd");
        accepting.setDaemon(true);
        accepting.start();
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                answer(socket);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void answer(Socket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] command = in.readNBytes("zINSTREAM\0".length());
        OutputStream out = socket.getOutputStream();
        if (!new String(command, StandardCharsets.US_ASCII).equals("zINSTREAM\0")) {
            out.write("UNKNOWN COMMAND\0".getBytes(StandardCharsets.US_ASCII));
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int length; (length = in.readInt()) > 0; ) {
            bytes.write(in.readNBytes(length));
        }
        String answer = bytes.toString(StandardCharsets.ISO_8859_1).contains(MALWARE)
                ? "stream: ChatQL.Test.Malware FOUND\0"
                : "stream: OK\0";
        out.write(answer.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}

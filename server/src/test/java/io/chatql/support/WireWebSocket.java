package io.chatql.support;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain socket, writing frames exactly as told, with a tiny receive buffer
 * and reading nothing until asked: a client that has stopped reading, or that breaks the rules of
 * framing, as the server sees it.
 */
public final class WireWebSocket implements AutoCloseable {

    private static final int CONTINUATION = 0x0;

    private static final int TEXT = 0x1;

    private static final int CLOSE = 0x8;

    private final Socket socket;

    private final OutputStream out;

    private final DataInputStream in;

    private WireWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Opens a connection to {@code path} with the given subprotocol. */
    public static WireWebSocket connect(int port, String path, String subProtocol) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout((int) ChatClient.TIMEOUT.toMillis());
        WireWebSocket webSocket = new WireWebSocket(socket);
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        webSocket.out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                        + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key)
                        + "\r\nSec-WebSocket-Protocol: " + subProtocol + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        webSocket.readHandshakeResponse();
        return webSocket;
    }

    /** Sends a text frame, masked as a client must. */
    public void send(String text) throws IOException {
        sendFrame(TEXT, true, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Sends a message as fragments of {@code fragmentSize} bytes: a text frame and continuation
     * frames, the last marked final.
     */
    public void sendFragmented(String text, int fragmentSize) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        for (int start = 0; start < payload.length; start += fragmentSize) {
            int end = Math.min(payload.length, start + fragmentSize);
            sendFrame(start == 0 ? TEXT : CONTINUATION, end == payload.length, Arrays.copyOfRange(payload, start, end));
        }
    }

    /**
     * Sends only the header of a text frame that announces {@code length} bytes, and none of them: the
     * server can refuse the message before reading it, and no unread bytes race its close frame.
     */
    public void announceFrame(long length) throws IOException {
        writeHeader(TEXT, true, length);
        out.write(new byte[4]);
        out.flush();
    }

    /** Sends one frame of any opcode, final or not, masked as a client must. */
    public void sendFrame(int opcode, boolean last, byte[] payload) throws IOException {
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        writeHeader(opcode, last, payload.length);
        out.write(mask);
        byte[] masked = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            masked[i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        out.write(masked);
        out.flush();
    }

    private void writeHeader(int opcode, boolean last, long length) throws IOException {
        out.write((last ? 0x80 : 0) | opcode);
        if (length < 126) {
            out.write(0x80 | (int) length);
        } else if (length <= 0xffff) {
            out.write(0x80 | 126);
            out.write((int) length >> 8);
            out.write((int) length & 0xff);
        } else {
            out.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (length >> shift) & 0xff);
            }
        }
    }

    /** Reads, skipping every other frame, until the server's close frame, and returns its code. */
    public int awaitCloseCode() throws IOException {
        while (true) {
            int opcode = in.readUnsignedByte() & 0x0f;
            byte[] payload = readPayload();
            if (opcode == CLOSE) {
                return closeCode(payload);
            }
        }
    }

    /** Reads, skipping every other frame, until a text message containing {@code text}, and returns it. */
    public String awaitContaining(String text) throws IOException {
        while (true) {
            int opcode = in.readUnsignedByte() & 0x0f;
            byte[] payload = readPayload();
            if (opcode == CLOSE) {
                throw new AssertionError("Closed with " + closeCode(payload) + " before a message with " + text);
            }
            String message = new String(payload, StandardCharsets.UTF_8);
            if (opcode == TEXT && message.contains(text)) {
                return message;
            }
        }
    }

    /**
     * Reads frames until a text message containing {@code text}, returned, or the server's close frame,
     * whose code is returned as {@code "close <code>"}; the end of the stream without a close frame is
     * {@code "end"}.
     */
    public String awaitContainingOrClose(String text) throws IOException {
        while (true) {
            int first = in.read();
            if (first < 0) {
                return "end";
            }
            int opcode = first & 0x0f;
            byte[] payload = readPayload();
            if (opcode == CLOSE) {
                return "close " + closeCode(payload);
            }
            String message = new String(payload, StandardCharsets.UTF_8);
            if (opcode == TEXT && message.contains(text)) {
                return message;
            }
        }
    }

    private byte[] readPayload() throws IOException {
        int length = in.readUnsignedByte() & 0x7f;
        long size = length == 126 ? in.readUnsignedShort() : length == 127 ? in.readLong() : length;
        return in.readNBytes((int) size);
    }

    private static int closeCode(byte[] payload) {
        return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
    }

    private void readHandshakeResponse() throws IOException {
        InputStream raw = socket.getInputStream();
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int next = raw.read();
            if (next < 0) {
                throw new IOException("Connection closed during the handshake: " + headers);
            }
            headers.append((char) next);
        }
        if (!headers.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("Handshake refused: " + headers);
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

package io.chatql.support;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain socket with a tiny receive buffer that reads nothing until asked: a
 * client that has stopped reading, as the server sees it.
 */
public final class StalledWebSocket implements AutoCloseable {

    private final Socket socket;

    private final OutputStream out;

    private final DataInputStream in;

    private StalledWebSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Opens a connection to {@code path} with the given subprotocol. */
    public static StalledWebSocket connect(int port, String path, String subProtocol) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout((int) ChatClient.TIMEOUT.toMillis());
        StalledWebSocket webSocket = new StalledWebSocket(socket);
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
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        out.write(0x81);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else {
            out.write(0x80 | 126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xff);
        }
        out.write(mask);
        for (int i = 0; i < payload.length; i++) {
            out.write(payload[i] ^ mask[i % 4]);
        }
        out.flush();
    }

    /** Reads, skipping every other frame, until the server's close frame, and returns its code. */
    public int awaitCloseCode() throws IOException {
        while (true) {
            int opcode = in.readUnsignedByte() & 0x0f;
            int length = in.readUnsignedByte() & 0x7f;
            long size = length == 126 ? in.readUnsignedShort() : length == 127 ? in.readLong() : length;
            byte[] payload = in.readNBytes((int) size);
            if (opcode == 0x8) {
                return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
            }
        }
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

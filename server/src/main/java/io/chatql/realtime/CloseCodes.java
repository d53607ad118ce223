package io.chatql.realtime;

import java.nio.charset.StandardCharsets;
import org.springframework.web.reactive.socket.CloseStatus;

/** The close codes of real-time connections, those of graphql-transport-ws and three of our own. */
final class CloseCodes {

    static final CloseStatus NORMAL = CloseStatus.NORMAL;

    static final CloseStatus GOING_AWAY = new CloseStatus(1001, "Server shutting down");

    /**
     * A message was larger than the server reads, whether in one frame (refused by Netty's decoder
     * with this same code) or in fragments that add up to more.
     */
    static final CloseStatus MESSAGE_TOO_BIG = new CloseStatus(1009, "Message too big");

    /** The server could not do what the connection needs, such as check its credentials; it may retry. */
    static final CloseStatus INTERNAL_ERROR = new CloseStatus(1011, "Internal server error");

    static final CloseStatus BAD_REQUEST = new CloseStatus(4400, "Invalid message");

    static final CloseStatus UNAUTHORIZED = new CloseStatus(4401, "Unauthorized");

    /** graphql-transport-ws's Forbidden: the user may not hold another connection. */
    static final CloseStatus TOO_MANY_CONNECTIONS = new CloseStatus(4403, "Too many connections for this user");

    /**
     * graphql-transport-ws's Forbidden: an administrator disabled the connection's account. graphql-ws
     * clients retry 4403, and their next {@code connection_init} is refused with 4401, which they take
     * as final.
     */
    static final CloseStatus ACCOUNT_DISABLED = new CloseStatus(4403, "Account disabled");

    /**
     * The connection's access token is no longer accepted; the client may reconnect at once with a new
     * one and resume with {@code after}. Not 4401, which graphql-ws clients take as final.
     */
    static final CloseStatus CREDENTIALS_EXPIRED = new CloseStatus(4419, "Credentials expired");

    static final CloseStatus INIT_TIMEOUT = new CloseStatus(4408, "Connection initialisation timeout");

    static final CloseStatus TOO_MANY_INIT_REQUESTS = new CloseStatus(4429, "Too many initialisation requests");

    /**
     * The client did not read what it was sent and its outbound queue filled up; it may reconnect and
     * resume with {@code after}.
     */
    static final CloseStatus SLOW_CONSUMER = new CloseStatus(4508, "Client too slow: outbound queue full");

    /** The most bytes of UTF-8 a close reason may have: a close frame carries 125, two for the code. */
    static final int MAX_REASON_BYTES = 123;

    private static final int ELLIPSIS = '…';

    private CloseCodes() {}

    static CloseStatus subscriberExists(String id) {
        return new CloseStatus(4409, fitted("Subscriber for " + id + " already exists"));
    }

    static CloseStatus invalidMessage(String reason) {
        return new CloseStatus(BAD_REQUEST.getCode(), fitted(reason));
    }

    /**
     * {@code reason}, or as much of it as fits in a close frame, cut between code points and ended
     * with an ellipsis: a reason may quote what the client sent, of any length.
     */
    static String fitted(String reason) {
        if (reason.getBytes(StandardCharsets.UTF_8).length <= MAX_REASON_BYTES) {
            return reason;
        }
        StringBuilder fitted = new StringBuilder();
        int budget = MAX_REASON_BYTES - utf8Length(ELLIPSIS);
        for (int i = 0; i < reason.length(); ) {
            int codePoint = reason.codePointAt(i);
            budget -= utf8Length(codePoint);
            if (budget < 0) {
                break;
            }
            fitted.appendCodePoint(codePoint);
            i += Character.charCount(codePoint);
        }
        return fitted.appendCodePoint(ELLIPSIS).toString();
    }

    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }
}

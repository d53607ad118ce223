package io.chatql.system;

/**
 * A subscription was ended because its events came faster than they could be sent to it, rather than
 * hold ever more of them: answered as FELL_BEHIND, and resumed without loss by subscribing again with
 * {@code after}. It is no fault of the server's code, so it has no stack trace.
 */
public class FellBehindException extends RuntimeException {

    public FellBehindException(int unread) {
        super(
                "This subscription fell " + unread + " events behind and was ended;"
                        + " subscribe again with after set to the last one received to resume",
                null,
                false,
                false);
    }
}

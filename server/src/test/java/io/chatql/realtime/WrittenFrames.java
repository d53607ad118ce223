package io.chatql.realtime;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.ArrayList;
import java.util.List;

/** What the engine wrote to an embedded channel, as a client would read it. */
final class WrittenFrames {

    private WrittenFrames() {}

    /** The text frames written to {@code channel} since last asked, each released once read. */
    static List<String> of(EmbeddedChannel channel) {
        List<String> frames = new ArrayList<>();
        TextWebSocketFrame frame;
        while ((frame = channel.readOutbound()) != null) {
            frames.add(frame.text());
            frame.release();
        }
        return frames;
    }
}

package dev.llmbench.simulator.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http2.DecoratingHttp2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2Connection;
import io.netty.handler.codec.http2.Http2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameListener;
import io.netty.handler.codec.http2.Http2FrameListenerDecorator;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2LifecycleManager;

/**
 * Refuses a stream past SETTINGS_MAX_CONCURRENT_STREAMS the way real HTTP/2 servers (nginx, Go, Envoy, Jetty) do:
 * RST_STREAM(REFUSED_STREAM) and nothing more, so the client can send the request again.
 *
 * <p>Netty refuses such a stream before creating it, so the stream id never counts as used; when the request's DATA
 * frame then arrives (a client sends HEADERS and DATA back to back, before it can see the refusal), Netty takes it for
 * a frame on a stream that never existed and fails the whole connection with GOAWAY(PROTOCOL_ERROR), resetting every
 * other stream on it (netty/netty#12065). RFC 9113 §5.1 says frames on a stream the endpoint reset MUST be ignored.
 *
 * <p>Refusals are not rare with a well-behaved client: a server counts a stream until its own last frame is written,
 * a client frees it once that frame is read, so a client at the limit can open a stream the server still counts.
 * So Netty's own check is lifted and the same limit enforced here, from the first stream on (as Netty 4.2 does, before
 * the client acknowledged the SETTINGS), after Netty created the stream: its later frames are those of a closed stream.
 */
final class GracefulStreamRefusal extends DecoratingHttp2ConnectionDecoder {
    private Http2LifecycleManager lifecycle;

    GracefulStreamRefusal(Http2ConnectionDecoder delegate) {
        super(delegate);
    }

    @Override
    public void lifecycleManager(Http2LifecycleManager lifecycleManager) {
        this.lifecycle = lifecycleManager;
        super.lifecycleManager(lifecycleManager);
    }

    @Override
    public void frameListener(Http2FrameListener listener) {
        super.frameListener(listener == null ? null : new Refusing(listener));
    }

    private final class Refusing extends Http2FrameListenerDecorator {
        /** The limit Netty would enforce, enforced here instead; none until Netty has one. */
        private int limit = Integer.MAX_VALUE;
        private int lastStream;

        Refusing(Http2FrameListener listener) {
            super(listener);
        }

        @Override
        public void onSettingsAckRead(ChannelHandlerContext ctx) throws Http2Exception {
            takeOver(); // Netty has just (re)applied our SETTINGS
            super.onSettingsAckRead(ctx);
        }

        /** Moves Netty's limit on streams the client opens (set when the codec is built, and again on SETTINGS ACK) here. */
        private void takeOver() {
            Http2Connection.Endpoint<?> remote = connection().remote();
            if (remote.maxActiveStreams() != Integer.MAX_VALUE) {
                limit = remote.maxActiveStreams();
                remote.maxActiveStreams(Integer.MAX_VALUE);
            }
        }

        @Override
        public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int padding,
                                  boolean endOfStream) throws Http2Exception {
            if (!refused(ctx, streamId)) super.onHeadersRead(ctx, streamId, headers, padding, endOfStream);
        }

        @Override
        public void onHeadersRead(ChannelHandlerContext ctx, int streamId, Http2Headers headers, int streamDependency,
                                  short weight, boolean exclusive, int padding, boolean endOfStream) throws Http2Exception {
            if (!refused(ctx, streamId)) {
                super.onHeadersRead(ctx, streamId, headers, streamDependency, weight, exclusive, padding, endOfStream);
            }
        }

        /** A new stream (ids only grow) that takes the active count past the limit: reset it, never dispatch it. */
        private boolean refused(ChannelHandlerContext ctx, int streamId) {
            if (streamId <= lastStream) return false; // trailers of a stream already admitted
            lastStream = streamId;
            takeOver();
            if (connection().remote().numActiveStreams() <= limit) return false;
            lifecycle.resetStream(ctx, streamId, Http2Error.REFUSED_STREAM.code(), ctx.newPromise());
            return true;
        }
    }
}

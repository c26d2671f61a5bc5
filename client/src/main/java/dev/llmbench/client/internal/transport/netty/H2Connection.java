package dev.llmbench.client.internal.transport.netty;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2Connection;
import io.netty.handler.codec.http2.Http2Exception;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2GoAwayFrame;
import io.netty.handler.codec.http2.Http2SettingsFrame;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.netty.util.concurrent.Promise;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One HTTP/2 connection: its parent channel, the streams reserved on it and the peer's stream limit. It becomes
 * ready when the server's first SETTINGS arrive (after the TLS handshake and ALPN {@code h2}, on TLS), so its stream
 * limit is known before it is filled.
 */
final class H2Connection {
    /** Assumed before the server's SETTINGS arrive: what real providers advertise. */
    static final int ASSUMED_MAX_STREAMS = 100;
    /** Connection-level receive window, as OkHttp's 16 MiB: many streams must not stall on the shared window. */
    private static final int CONNECTION_WINDOW = 16 * 1024 * 1024;

    /** Completes on the thread that completes it (the event loop), or at once for a listener added when done. */
    final Promise<H2Connection> ready = ImmediateEventExecutor.INSTANCE.newPromise();
    private final AtomicInteger reserved = new AtomicInteger();
    private volatile int maxStreams;
    private volatile Channel channel;
    /** The server sent GOAWAY: streams in flight finish, new ones go elsewhere. */
    private volatile boolean goingAway;

    /** {@code assumedMaxStreams}: the limit believed until this connection's SETTINGS arrive. */
    H2Connection(int assumedMaxStreams) { this.maxStreams = assumedMaxStreams; }

    /** Called once, right after connect() returned the channel and before the connection is shared. */
    void bind(Channel ch) {
        this.channel = ch;
        ch.closeFuture().addListener(f -> ready.tryFailure(new ClosedChannelException()));
    }

    Channel channel() { return channel; }

    boolean usable() { return !goingAway && (channel.isActive() || !ready.isDone()); }

    /** Ready, open and not going away: may take new streams. */
    boolean acceptsStreams() { return !goingAway && ready.isSuccess() && channel.isActive(); }

    int reserved() { return reserved.get(); }

    int maxStreams() { return maxStreams; }

    /** Takes a stream slot if the peer's limit allows one. */
    boolean tryReserve() {
        while (true) {
            int n = reserved.get();
            if (n >= maxStreams) return false;
            if (reserved.compareAndSet(n, n + 1)) return true;
        }
    }

    /** Takes a slot regardless of the limit (the first stream of a new connection). */
    void forceReserve() { reserved.incrementAndGet(); }

    void release() { reserved.decrementAndGet(); }

    /** More streams were reserved before SETTINGS arrived than the peer allows. */
    boolean overReserved() { return reserved.get() > maxStreams; }

    /** The parent-pipeline handler that learns the limit and completes {@link #ready}. */
    ChannelInboundHandlerAdapter readinessHandler(Http2FrameCodec codec) {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
                if (evt instanceof SslHandshakeCompletionEvent hs) {
                    if (!hs.isSuccess()) {
                        ready.tryFailure(hs.cause());
                    } else {
                        String alpn = ctx.pipeline().get(SslHandler.class).applicationProtocol();
                        if (!"h2".equals(alpn)) {
                            ready.tryFailure(new IOException("server did not select h2 via ALPN (got " + alpn + ")"));
                            ctx.close();
                        }
                    }
                }
                super.userEventTriggered(ctx, evt);
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                if (msg instanceof Http2GoAwayFrame) goingAway = true;
                if (msg instanceof Http2SettingsFrame settings) {
                    Long max = settings.settings().maxConcurrentStreams();
                    if (max != null) maxStreams = (int) Math.min(Integer.MAX_VALUE, max);
                    else if (!ready.isDone()) maxStreams = Integer.MAX_VALUE;
                    if (!ready.isDone()) {
                        growConnectionWindow(ctx.channel(), codec);
                        ready.trySuccess(H2Connection.this);
                    }
                }
                ReferenceCountUtil.release(msg);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                ready.tryFailure(cause);
                ctx.close();
            }
        };
    }

    private static void growConnectionWindow(Channel channel, Http2FrameCodec codec) {
        Http2Connection conn = codec.connection();
        try {
            int delta = CONNECTION_WINDOW - conn.local().flowController().windowSize(conn.connectionStream());
            if (delta > 0) {
                conn.local().flowController().incrementWindowSize(conn.connectionStream(), delta);
                channel.flush();
            }
        } catch (Http2Exception e) {
            channel.pipeline().fireExceptionCaught(e);
        }
    }
}

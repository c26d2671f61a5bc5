package dev.llmbench.client.internal.transport.netty;

import dev.llmbench.client.internal.transport.CallGuard;
import dev.llmbench.client.internal.transport.HttpCall;
import dev.llmbench.client.internal.transport.Protocols;
import dev.llmbench.client.internal.transport.ResponseSink;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.handler.codec.http2.Http2ResetFrame;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.Http2StreamChannelBootstrap;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;

/** One request as one HTTP/2 stream (child channel) on a pooled connection; all callbacks run on its event loop. */
final class NettyStream extends CallGuard {
    private final HttpCall call;
    private volatile Channel streamChannel;
    private boolean headersSeen;

    NettyStream(HttpCall call, ResponseSink sink) {
        super(sink);
        this.call = call;
    }

    /** Opens the stream on {@code conn} (a slot is already reserved there) and writes the request. */
    void openOn(H2Connection conn) {
        if (ended()) { conn.release(); return; }
        new Http2StreamChannelBootstrap(conn.channel()).handler(new Handler()).open().addListener(f -> {
            if (!f.isSuccess()) {
                conn.release();
                fail(f.cause(), System.nanoTime());
                return;
            }
            Http2StreamChannel ch = (Http2StreamChannel) f.getNow();
            ch.closeFuture().addListener(c -> conn.release());
            streamChannel = ch;
            if (ended()) { ch.close(); return; }
            writeRequest(ch);
        });
    }

    void failBeforeOpen(Throwable cause) { fail(cause, System.nanoTime()); }

    private void writeRequest(Http2StreamChannel ch) {
        URI uri = call.uri();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) path = path + "?" + uri.getRawQuery();
        Http2Headers headers = new DefaultHttp2Headers()
                .method(call.method())
                .scheme(uri.getScheme())
                .authority(uri.getRawAuthority())
                .path(path);
        List<String> h = call.headers();
        for (int i = 0; i < h.size(); i += 2) headers.add(AsciiString.of(h.get(i).toLowerCase(Locale.ROOT)), h.get(i + 1));
        byte[] body = call.body();
        boolean hasBody = body != null && body.length > 0;
        ch.write(new DefaultHttp2HeadersFrame(headers, !hasBody));
        if (hasBody) ch.write(new DefaultHttp2DataFrame(Unpooled.wrappedBuffer(body), true));
        ch.flush();
    }

    @Override
    protected void abort() {
        Channel ch = streamChannel;
        if (ch != null) ch.close(); // sends RST_STREAM(CANCEL) if the stream is still open
    }

    private final class Handler extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            long now = System.nanoTime();
            try {
                if (ended()) return;
                if (msg instanceof Http2DataFrame data) {
                    ByteBuf content = data.content();
                    if (content.isReadable()) {
                        if (content.nioBufferCount() == 1) sink.onBody(content.nioBuffer(), now);
                        else for (ByteBuffer b : content.nioBuffers()) sink.onBody(b, now);
                    }
                    if (data.isEndStream()) complete(now);
                } else if (msg instanceof Http2HeadersFrame frame) {
                    if (!headersSeen) {
                        Http2Headers headers = frame.headers();
                        CharSequence status = headers.status();
                        int code = status == null ? 0 : Integer.parseInt(status.toString());
                        if (code >= 100 && code < 200) return; // informational: the real headers follow
                        headersSeen = true;
                        sink.onHeaders(code, Protocols.H2, name -> {
                            CharSequence v = headers.get(name.toLowerCase(Locale.ROOT));
                            return v == null ? null : v.toString();
                        }, now);
                    }
                    if (frame.isEndStream()) complete(now);
                } else if (msg instanceof Http2ResetFrame reset) {
                    fail(new IOException("stream reset by the server (HTTP/2 error code " + reset.errorCode() + ")"), now);
                }
            } catch (RuntimeException e) {
                fail(e, now);
                ctx.close();
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            fail(new IOException("HTTP/2 stream closed before the response ended"), System.nanoTime());
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail(cause, System.nanoTime());
            ctx.close();
        }
    }
}

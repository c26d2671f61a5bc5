package dev.llmbench.simulator.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.DefaultHttp2ResetFrame;
import io.netty.handler.codec.http2.Http2Error;
import io.netty.handler.codec.http2.Http2Headers;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An HTTP/2 exchange on its stream child channel: HEADERS then DATA frames; a reset is RST_STREAM. Outbound flow
 * control is Netty's: DATA beyond the client's window waits in the connection's flow controller.
 */
final class Http2Exchange extends AbstractExchange {

    /** Connection-specific headers are illegal in HTTP/2 (RFC 9113 §8.2.2); drop them if a handler sets one. */
    private static final Set<String> CONNECTION_HEADERS =
            Set.of("connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade");

    private final Http2Headers requestHeaders;

    Http2Exchange(Channel stream, Http2Headers requestHeaders, byte[] body, ConnectionState connection,
                  long receivedNanos) {
        super(stream, String.valueOf(requestHeaders.method()), String.valueOf(requestHeaders.path()), body,
                connection, receivedNanos);
        this.requestHeaders = requestHeaders;
    }

    @Override
    public String header(String name) {
        CharSequence value = requestHeaders.get(lowerCase(name));
        return value == null ? null : value.toString();
    }

    @Override public String protocol() { return "h2"; }

    @Override
    protected void sendFull(int status, Map<String, String> headers, ByteBuf body) {
        Http2Headers out = responseHeaders(status, headers);
        int length = body.readableBytes();
        out.setInt("content-length", length);
        if (length == 0) {
            body.release();
            channel.writeAndFlush(new DefaultHttp2HeadersFrame(out, true), channel.voidPromise());
        } else {
            channel.write(new DefaultHttp2HeadersFrame(out, false), channel.voidPromise());
            channel.writeAndFlush(new DefaultHttp2DataFrame(body, true), channel.voidPromise());
        }
    }

    @Override
    protected void sendHead(int status, Map<String, String> headers, boolean flush) {
        Http2Headers out = responseHeaders(status, headers);
        out.remove("content-length");
        DefaultHttp2HeadersFrame frame = new DefaultHttp2HeadersFrame(out, false);
        if (flush) channel.writeAndFlush(frame, channel.voidPromise());
        else channel.write(frame, channel.voidPromise());
    }

    @Override
    protected void sendData(ByteBuf data, boolean flush) {
        DefaultHttp2DataFrame frame = new DefaultHttp2DataFrame(data, false);
        if (flush) {
            channel.writeAndFlush(frame, channel.voidPromise());
        } else {
            channel.write(frame, channel.voidPromise());
        }
    }

    @Override
    protected void sendEnd() {
        channel.writeAndFlush(new DefaultHttp2DataFrame(true), channel.voidPromise());
    }

    @Override
    protected void sendLast(ByteBuf last) {
        channel.writeAndFlush(new DefaultHttp2DataFrame(last, true), channel.voidPromise());
    }

    @Override
    protected void sendReset() {
        channel.writeAndFlush(new DefaultHttp2ResetFrame(Http2Error.INTERNAL_ERROR), channel.voidPromise());
    }

    private static Http2Headers responseHeaders(int status, Map<String, String> headers) {
        Http2Headers out = new DefaultHttp2Headers();
        out.status(Integer.toString(status));
        headers.forEach((name, value) -> {
            String lower = lowerCase(name);
            if (!CONNECTION_HEADERS.contains(lower)) out.set(lower, value);
        });
        return out;
    }

    private static String lowerCase(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 'A' && c <= 'Z') return name.toLowerCase(Locale.ROOT);
        }
        return name;
    }
}

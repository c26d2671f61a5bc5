package dev.llmbench.simulator.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

import java.util.Map;

/** An HTTP/1.1 exchange: whole responses with content-length, streams with chunked transfer encoding. */
final class Http1Exchange extends AbstractExchange {

    private final HttpHeaders requestHeaders;
    private final boolean keepAlive;
    private final Http1ConnectionHandler connectionHandler;

    Http1Exchange(Channel channel, String method, String target, HttpHeaders requestHeaders, boolean keepAlive,
                  byte[] body, ConnectionState connection, long receivedNanos, Http1ConnectionHandler handler) {
        super(channel, method, target, body, connection, receivedNanos);
        this.requestHeaders = requestHeaders;
        this.keepAlive = keepAlive;
        this.connectionHandler = handler;
    }

    @Override public String header(String name) { return requestHeaders.get(name); }
    @Override public String protocol() { return "http/1.1"; }

    @Override
    protected void sendFull(int status, Map<String, String> headers, ByteBuf body) {
        DefaultFullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status), body);
        copyHeaders(headers, response);
        response.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        writeAndFlushLast(response);
    }

    @Override
    protected void sendHead(int status, Map<String, String> headers, boolean flush) {
        DefaultHttpResponse response = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status));
        copyHeaders(headers, response);
        response.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
        response.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        if (flush) channel.writeAndFlush(response, channel.voidPromise());
        else channel.write(response, channel.voidPromise());
    }

    @Override
    protected void sendData(ByteBuf data, boolean flush) {
        DefaultHttpContent chunk = new DefaultHttpContent(data);
        if (flush) {
            channel.writeAndFlush(chunk, channel.voidPromise());
        } else {
            channel.write(chunk, channel.voidPromise());
        }
    }

    @Override
    protected void sendEnd() {
        writeAndFlushLast(LastHttpContent.EMPTY_LAST_CONTENT);
    }

    @Override
    protected void sendLast(ByteBuf last) {
        writeAndFlushLast(new DefaultLastHttpContent(last));
    }

    @Override
    protected void sendReset() {
        // What was written goes out, then the connection ends without the terminating chunk.
        channel.flush();
        channel.close();
    }

    @Override
    protected void afterClose() {
        connectionHandler.exchangeClosed(this);
    }

    private void copyHeaders(Map<String, String> headers, HttpResponse response) {
        HttpHeaders out = response.headers();
        headers.forEach(out::set);
        if (!keepAlive) out.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    }

    /** Writes the response's last message; closes the connection after it unless keep-alive. */
    private void writeAndFlushLast(Object message) {
        if (keepAlive) {
            channel.writeAndFlush(message, channel.voidPromise());
        } else {
            channel.writeAndFlush(message).addListener(ChannelFutureListener.CLOSE);
        }
    }
}

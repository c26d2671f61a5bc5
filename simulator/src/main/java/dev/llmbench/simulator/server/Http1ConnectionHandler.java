package dev.llmbench.simulator.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;

import java.util.ArrayDeque;

/**
 * Serves aggregated HTTP/1.1 requests on one connection, one exchange at a time; pipelined requests wait their
 * turn so responses keep request order.
 */
final class Http1ConnectionHandler extends ChannelInboundHandlerAdapter {

    private final ExchangeHandler handler;
    private final ArrayDeque<Http1Exchange> waiting = new ArrayDeque<>(2);
    private Http1Exchange current;
    private boolean inactive;

    Http1ConnectionHandler(ExchangeHandler handler) {
        this.handler = handler;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof FullHttpRequest request)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            if (request.decoderResult().isFailure()) {
                badRequest(ctx);
                return;
            }
            Http1Exchange exchange = new Http1Exchange(ctx.channel(), request.method().name(), request.uri(),
                    request.headers(), HttpUtil.isKeepAlive(request), ByteBufUtil.getBytes(request.content()),
                    ConnectionState.of(ctx.channel()), System.nanoTime(), this);
            if (current == null) {
                start(exchange);
            } else {
                waiting.add(exchange);
            }
        } finally {
            request.release();
        }
    }

    private void start(Http1Exchange exchange) {
        current = exchange;
        exchange.dispatch(handler);
    }

    /** Called by the exchange once it is closed: serve the next pipelined request, if any. */
    void exchangeClosed(Http1Exchange exchange) {
        if (exchange != current) return;
        current = null;
        if (inactive) return;
        Http1Exchange next = waiting.poll();
        if (next != null) start(next);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        inactive = true;
        waiting.clear();
        if (current != null) current.clientGone();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // I/O errors (client reset) and codec errors end the connection; nothing useful to log per client.
        ctx.close();
    }

    private static void badRequest(ChannelHandlerContext ctx) {
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.BAD_REQUEST, ErrorBodies.badRequest(ctx.alloc()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }
}

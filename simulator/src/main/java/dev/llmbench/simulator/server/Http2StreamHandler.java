package dev.llmbench.simulator.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.DefaultHttp2DataFrame;
import io.netty.handler.codec.http2.DefaultHttp2Headers;
import io.netty.handler.codec.http2.DefaultHttp2HeadersFrame;
import io.netty.handler.codec.http2.Http2DataFrame;
import io.netty.handler.codec.http2.Http2Headers;
import io.netty.handler.codec.http2.Http2HeadersFrame;
import io.netty.util.ReferenceCountUtil;

/**
 * One HTTP/2 request stream (a child channel of Http2MultiplexHandler): gathers HEADERS and DATA up to the size
 * limit, then dispatches an {@link Http2Exchange}. An oversized request gets a complete 413 and the rest of its upload
 * is read and dropped: RFC 9113 §8.1 would allow RST_STREAM(NO_ERROR) to stop it, but OkHttp then fails the call
 * instead of returning the 413.
 */
final class Http2StreamHandler extends ChannelInboundHandlerAdapter {

    private static final byte[] NO_BODY = new byte[0];

    private final ExchangeHandler handler;
    private final int maxRequestBytes;
    private Http2Headers requestHeaders;
    private CompositeByteBuf body;
    private boolean rejected;
    private Http2Exchange exchange;

    Http2StreamHandler(ExchangeHandler handler, int maxRequestBytes) {
        this.handler = handler;
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (rejected || exchange != null) return;
            if (msg instanceof Http2HeadersFrame headers) {
                onHeaders(ctx, headers);
            } else if (msg instanceof Http2DataFrame data) {
                onData(ctx, data);
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void onHeaders(ChannelHandlerContext ctx, Http2HeadersFrame frame) {
        if (requestHeaders == null) {
            requestHeaders = frame.headers();
            long declared = requestHeaders.getLong("content-length", -1L);
            if (declared > maxRequestBytes) {
                reject(ctx);
                return;
            }
        }
        if (frame.isEndStream()) dispatch(ctx); // otherwise trailers would come last; they carry nothing we use
    }

    private void onData(ChannelHandlerContext ctx, Http2DataFrame frame) {
        if (requestHeaders == null) return;
        ByteBuf content = frame.content();
        if (content.isReadable()) {
            if ((body == null ? 0 : body.readableBytes()) + content.readableBytes() > maxRequestBytes) {
                reject(ctx);
                return;
            }
            if (body == null && frame.isEndStream()) { // the usual case: the whole body in one frame
                dispatch(ctx, ByteBufUtil.getBytes(content));
                return;
            }
            if (body == null) body = ctx.alloc().compositeBuffer(Integer.MAX_VALUE);
            body.addComponent(true, content.retain());
        }
        if (frame.isEndStream()) dispatch(ctx);
    }

    private void dispatch(ChannelHandlerContext ctx) {
        byte[] bytes = body == null ? NO_BODY : ByteBufUtil.getBytes(body);
        releaseBody();
        dispatch(ctx, bytes);
    }

    private void dispatch(ChannelHandlerContext ctx, byte[] bytes) {
        exchange = new Http2Exchange(ctx.channel(), requestHeaders, bytes, ConnectionState.of(ctx.channel()),
                System.nanoTime());
        exchange.dispatch(handler);
    }

    private void reject(ChannelHandlerContext ctx) {
        rejected = true;
        releaseBody();
        ByteBuf json = ErrorBodies.tooLarge(ctx.alloc(), maxRequestBytes);
        Http2Headers headers = new DefaultHttp2Headers().status("413");
        headers.set("content-type", "application/json");
        headers.setInt("content-length", json.readableBytes());
        ctx.write(new DefaultHttp2HeadersFrame(headers, false));
        ctx.writeAndFlush(new DefaultHttp2DataFrame(json, true));
    }

    private void releaseBody() {
        if (body != null) {
            body.release();
            body = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        releaseBody();
        if (exchange != null) exchange.clientGone();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}

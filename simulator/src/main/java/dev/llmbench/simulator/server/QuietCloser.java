package dev.llmbench.simulator.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http2.Http2CodecUtil;

/**
 * Last handler of HTTP/2 connection pipelines: a broken client (bad preface, reset socket) must not print stack
 * traces on the server's stderr. HTTP/2 protocol errors were already answered with GOAWAY by the codec, which
 * closes the connection itself; anything else (I/O errors) closes it here.
 */
@ChannelHandler.Sharable
final class QuietCloser extends ChannelInboundHandlerAdapter {

    static final QuietCloser INSTANCE = new QuietCloser();

    private QuietCloser() {}

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (Http2CodecUtil.getEmbeddedHttp2Exception(cause) == null) ctx.close();
    }
}

package dev.llmbench.simulator.server;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import io.netty.handler.codec.http2.CleartextHttp2ServerUpgradeHandler;
import io.netty.handler.codec.http2.DefaultHttp2Connection;
import io.netty.handler.codec.http2.DefaultHttp2RemoteFlowController;
import io.netty.handler.codec.http2.Http2CodecUtil;
import io.netty.handler.codec.http2.Http2ConnectionDecoder;
import io.netty.handler.codec.http2.Http2ConnectionEncoder;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2ServerUpgradeCodec;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamChannel;
import io.netty.handler.codec.http2.UniformStreamByteDistributor;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.util.AsciiString;

import java.util.concurrent.atomic.AtomicLong;

/** Channel pipelines of the three listeners, sharing the HTTP/1.1 and HTTP/2 halves. */
final class Pipelines {

    private final ServerConfig config;
    private final ExchangeHandler handler;
    private final ConnectionLimiter limiter;
    private final AtomicLong connectionCounter = new AtomicLong();

    Pipelines(ServerConfig config, ExchangeHandler handler) {
        this.config = config;
        this.handler = handler;
        this.limiter = new ConnectionLimiter(config.maxConnectionsPerClient());
    }

    /** HTTP/1.1, h2c by {@code Upgrade}, and h2c by prior knowledge on one port. */
    ChannelInitializer<Channel> cleartext() {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                if (!admit(ch, "http", false)) return;
                HttpServerCodec sourceCodec = new HttpServerCodec();
                HttpServerUpgradeHandler upgrade = new HttpServerUpgradeHandler(sourceCodec,
                        protocol -> AsciiString.contentEquals(Http2CodecUtil.HTTP_UPGRADE_PROTOCOL_NAME, protocol)
                                ? new Http2ServerUpgradeCodec(frameCodec(), multiplexer(), QuietCloser.INSTANCE)
                                : null,
                        config.maxRequestBytes());
                ChannelHandler priorKnowledge = new ChannelInboundHandlerAdapter() {
                    @Override
                    public void handlerAdded(ChannelHandlerContext ctx) {
                        // Put the HTTP/2 handlers exactly here, ahead of the HTTP/1.1 fallback.
                        Http2FrameCodec codec = frameCodec();
                        Http2MultiplexHandler multiplexer = multiplexer();
                        ctx.pipeline().addAfter(ctx.name(), null, codec);
                        // the multiplexer finds its codec when added, so it must come second
                        ctx.pipeline().addAfter(ctx.pipeline().context(codec).name(), null, multiplexer);
                        ctx.pipeline().addAfter(ctx.pipeline().context(multiplexer).name(), null,
                                QuietCloser.INSTANCE);
                        ctx.pipeline().remove(this);
                    }
                };
                ch.pipeline().addLast(new CleartextHttp2ServerUpgradeHandler(sourceCodec, upgrade, priorKnowledge));
                ch.pipeline().addLast(new Http1Fallback());
            }
        };
    }

    /** HTTP/2 by prior knowledge only. */
    ChannelInitializer<Channel> h2c() {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                if (!admit(ch, "h2c", false)) return;
                ch.pipeline().addLast(frameCodec(), multiplexer(), QuietCloser.INSTANCE);
            }
        };
    }

    /** TLS; ALPN picks h2 or http/1.1 (the latter also for clients that offer no ALPN). */
    ChannelInitializer<Channel> tls(SslContext sslContext) {
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(Channel ch) {
                if (!admit(ch, "tls", true)) return;
                ch.pipeline().addLast(sslContext.newHandler(ch.alloc()), new AlpnHandler());
            }
        };
    }

    private boolean admit(Channel ch, String listener, boolean secure) {
        if (!limiter.admit(ch)) {
            ch.close();
            return false;
        }
        ConnectionState.attach(ch, listener + "-" + connectionCounter.incrementAndGet(), secure);
        return true;
    }

    private Http2FrameCodec frameCodec() {
        return new FrameCodecBuilder()
                .initialSettings(Http2Settings.defaultSettings().maxConcurrentStreams(config.maxConcurrentStreams()))
                .build();
    }

    /**
     * A server frame codec whose outbound scheduler is {@link UniformStreamByteDistributor}: clients send no
     * priorities, and Netty's default weighted-fair tree costs a priority-queue walk per write on a busy connection.
     * Streams past the limit are refused as real servers do ({@link GracefulStreamRefusal}).
     */
    private static final class FrameCodecBuilder extends Http2FrameCodecBuilder {
        FrameCodecBuilder() {
            DefaultHttp2Connection connection = new DefaultHttp2Connection(true);
            connection.remote().flowController(
                    new DefaultHttp2RemoteFlowController(connection, new UniformStreamByteDistributor(connection)));
            connection(connection);
        }

        @Override
        protected Http2FrameCodec build(Http2ConnectionDecoder decoder, Http2ConnectionEncoder encoder, Http2Settings initialSettings) {
            return super.build(new GracefulStreamRefusal(decoder), encoder, initialSettings);
        }
    }

    private Http2MultiplexHandler multiplexer() {
        return new Http2MultiplexHandler(new ChannelInitializer<Http2StreamChannel>() {
            @Override
            protected void initChannel(Http2StreamChannel stream) {
                stream.pipeline().addLast(new Http2StreamHandler(handler, config.maxRequestBytes()));
            }
        });
    }

    private void addHttp1(ChannelPipeline pipeline, String after) {
        Http1ConnectionHandler connectionHandler = new Http1ConnectionHandler(handler);
        LimitedHttpAggregator aggregator = new LimitedHttpAggregator(config.maxRequestBytes());
        if (after == null) {
            pipeline.addLast(aggregator, connectionHandler);
        } else {
            pipeline.addAfter(after, null, aggregator);
            pipeline.addAfter(pipeline.context(aggregator).name(), null, connectionHandler);
        }
    }

    /**
     * On the cleartext port: the first HTTP/1.1 message means no h2c upgrade happened (an upgrade request is
     * consumed by the upgrade handler), so install the HTTP/1.1 handlers in place of this one.
     */
    private final class Http1Fallback extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpMessage) {
                ChannelPipeline pipeline = ctx.pipeline();
                addHttp1(pipeline, ctx.name());
                pipeline.remove(this);
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof CleartextHttp2ServerUpgradeHandler.PriorKnowledgeUpgradeEvent
                    || evt instanceof HttpServerUpgradeHandler.UpgradeEvent) {
                ctx.pipeline().remove(this); // HTTP/2 now; this handler has nothing left to do
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    private final class AlpnHandler extends ApplicationProtocolNegotiationHandler {
        AlpnHandler() {
            super(ApplicationProtocolNames.HTTP_1_1);
        }

        @Override
        protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
            if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
                ctx.pipeline().addLast(frameCodec(), multiplexer(), QuietCloser.INSTANCE);
            } else if (ApplicationProtocolNames.HTTP_1_1.equals(protocol)) {
                ctx.pipeline().addLast(new HttpServerCodec());
                addHttp1(ctx.pipeline(), null);
            } else {
                ctx.close();
            }
        }

        @Override
        protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // e.g. a client that does not trust the certificate: its problem to report, not ours
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }
}

package dev.llmbench.client.internal.transport.netty;

import dev.llmbench.client.internal.transport.ConnectTimeoutException;
import dev.llmbench.client.internal.transport.HttpCall;
import dev.llmbench.client.internal.transport.ResponseSink;
import dev.llmbench.client.internal.transport.Transport;
import dev.llmbench.client.internal.transport.TransportConfig;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http2.Http2FrameCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.util.concurrent.DefaultThreadFactory;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Netty HTTP/2: {@code Http2FrameCodec} + {@code Http2MultiplexHandler} on each connection, one
 * {@code Http2StreamChannelBootstrap} stream per request, TLS with ALPN {@code h2} or cleartext prior knowledge.
 * Streams spread over up to {@code connectionsPerHost} connections per host, more when all are at the server's
 * SETTINGS_MAX_CONCURRENT_STREAMS. Two event-loop threads at most serve every connection.
 */
public final class NettyH2Transport implements Transport {
    private static final int STREAM_WINDOW = 1024 * 1024;
    /**
     * Heap buffers on TLS connections: the JDK's AES-GCM takes its intrinsic (AES-NI/CLMUL) path for heap arrays,
     * but for direct buffers GHASH falls back to a much slower VarHandle loop. OkHttp's SSLSocket works on heap arrays
     * anyway.
     */
    private static final ByteBufAllocator TLS_ALLOCATOR = new PooledByteBufAllocator(false);

    private final TransportConfig config;
    private final EventLoopGroup group;
    private final SslContext sslContext;
    private final ConcurrentHashMap<String, H2ConnectionPool> pools = new ConcurrentHashMap<>();

    public NettyH2Transport(TransportConfig config) {
        this.config = config;
        int threads = Math.min(2, Runtime.getRuntime().availableProcessors());
        this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("llmbench-netty-h2", true),
                NioIoHandler.newFactory());
        try {
            this.sslContext = SslContextBuilder.forClient()
                    .trustManager(config.tls().trustManagerFactory())
                    .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_2))
                    .build();
        } catch (SSLException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw new IllegalStateException("cannot build the TLS context: " + e.getMessage(), e);
        }
    }

    @Override
    public Cancellable send(HttpCall call, ResponseSink sink) {
        NettyStream stream = new NettyStream(call, sink);
        poolFor(call.uri()).acquire((conn, error) -> {
            if (error != null) {
                stream.failBeforeOpen(error instanceof io.netty.channel.ConnectTimeoutException
                        ? new ConnectTimeoutException(error) : error);
            } else {
                stream.openOn(conn);
            }
        });
        return stream;
    }

    @Override
    public int openConnections() {
        int n = 0;
        for (H2ConnectionPool p : pools.values()) n += p.openConnections();
        return n;
    }

    @Override
    public void close() {
        for (H2ConnectionPool p : pools.values()) p.closeAll();
        group.shutdownGracefully(0, 200, TimeUnit.MILLISECONDS);
    }

    @Override
    public String toString() { return "netty-h2"; }

    private H2ConnectionPool poolFor(URI uri) {
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        String key = (tls ? "https://" : "http://") + uri.getHost() + ":" + port;
        H2ConnectionPool pool = pools.get(key);
        if (pool != null) return pool;
        return pools.computeIfAbsent(key, k -> new H2ConnectionPool(config.connectionsPerHost(),
                conn -> bootstrap(conn, uri.getHost(), port, tls).connect(uri.getHost(), port)));
    }

    private Bootstrap bootstrap(H2Connection conn, String host, int port, boolean tls) {
        Bootstrap b = new Bootstrap();
        if (tls) b.option(ChannelOption.ALLOCATOR, TLS_ALLOCATOR);
        return b
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, config.connectTimeout().toMillis()))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ChannelPipeline p = ch.pipeline();
                        if (tls) p.addLast(sslHandler(ch, host, port));
                        Http2FrameCodec codec = Http2FrameCodecBuilder.forClient()
                                .initialSettings(Http2Settings.defaultSettings().pushEnabled(false).initialWindowSize(STREAM_WINDOW))
                                .encoderEnforceMaxConcurrentStreams(true)
                                .build();
                        p.addLast(codec);
                        p.addLast(new Http2MultiplexHandler(new ChannelInboundHandlerAdapter()));
                        p.addLast(conn.readinessHandler(codec));
                    }
                });
    }

    private SslHandler sslHandler(Channel ch, String host, int port) {
        SslHandler handler = sslContext.newHandler(ch.alloc(), host, port);
        SSLEngine engine = handler.engine();
        SSLParameters params = engine.getSSLParameters();
        params.setEndpointIdentificationAlgorithm("HTTPS"); // host name checks stay on
        engine.setSSLParameters(params);
        return handler;
    }
}

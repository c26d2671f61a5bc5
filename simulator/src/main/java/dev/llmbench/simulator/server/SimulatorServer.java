package dev.llmbench.simulator.server;

import dev.llmbench.simulator.Simulator.Listener;
import dev.llmbench.simulator.tls.LoopbackCertificate;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.util.concurrent.DefaultThreadFactory;

import javax.net.ssl.SSLException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Netty server behind the simulator: three loopback listeners sharing one small event-loop group, serving every
 * request through one {@link ExchangeHandler}. Public so tests (and benchmarks) can run it with their own handler.
 */
public final class SimulatorServer implements AutoCloseable {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final EventLoopGroup group;
    private final Map<Listener, Channel> listeners = new EnumMap<>(Listener.class);

    private SimulatorServer(EventLoopGroup group) {
        this.group = group;
    }

    /** Binds all three listeners on 127.0.0.1, or fails (releasing everything) if one cannot bind. */
    public static SimulatorServer start(ServerConfig config, ExchangeHandler handler, LoopbackCertificate certificate) {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(config.ioThreads(),
                new DefaultThreadFactory("llmbench-sim", true), NioIoHandler.newFactory());
        SimulatorServer server = new SimulatorServer(group);
        try {
            Pipelines pipelines = new Pipelines(config, handler);
            server.bind(Listener.HTTP, config.httpPort(), pipelines.cleartext());
            server.bind(Listener.H2C, config.h2cPort(), pipelines.h2c());
            server.bind(Listener.TLS, config.tlsPort(), pipelines.tls(sslContext(certificate)));
            return server;
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    private void bind(Listener listener, int port, ChannelInitializer<Channel> initializer) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true) // streamed events must not wait for Nagle
                // Whole zero-delay responses (~30 kB each, dozens per flush on a shared h2 connection) would toggle
                // writability at the default 64 kB mark on every flush, and each toggle visits every h2 stream.
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(1 << 20, 2 << 20))
                .childHandler(initializer);
        try {
            listeners.put(listener, bootstrap.bind(LOOPBACK, port).syncUninterruptibly().channel());
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port + " for " + listener + ": " + e, e);
        }
    }

    private static SslContext sslContext(LoopbackCertificate certificate) {
        try {
            return SslContextBuilder.forServer(certificate.privateKey(), certificate.certificate())
                    .sslProvider(tlsProvider())
                    .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
                    .applicationProtocolConfig(new ApplicationProtocolConfig(
                            ApplicationProtocolConfig.Protocol.ALPN,
                            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                            ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1))
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build the TLS context", e);
        }
    }

    /**
     * BoringSSL (netty-tcnative) when it is on the class path and loads: it costs a fraction of the JDK engine's CPU
     * per TLS record, which matters when the simulator shares cores with the client it measures. Else the JDK.
     */
    static SslProvider tlsProvider() {
        return SslProvider.isAlpnSupported(SslProvider.OPENSSL) ? SslProvider.OPENSSL : SslProvider.JDK;
    }

    /** The bound port of a listener. */
    public int port(Listener listener) {
        return ((InetSocketAddress) listeners.get(listener).localAddress()).getPort();
    }

    /** {@code http://127.0.0.1:<port>} for HTTP and H2C, {@code https://127.0.0.1:<port>} for TLS. */
    public URI root(Listener listener) {
        return URI.create((listener == Listener.TLS ? "https" : "http") + "://127.0.0.1:" + port(listener));
    }

    /**
     * Closes the listeners and every connection; returns once the event loops have stopped, or after 5 s at most
     * (a close from a shutdown hook must never hang the JVM's exit).
     */
    @Override
    public void close() {
        listeners.values().forEach(Channel::close);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}

package dev.llmbench.client.internal;

import dev.llmbench.client.TransportKind;
import dev.llmbench.client.internal.transport.TlsTrust;
import dev.llmbench.client.internal.transport.Transport;
import dev.llmbench.client.internal.transport.TransportConfig;
import dev.llmbench.client.internal.transport.jdk.JdkHttpTransport;
import dev.llmbench.client.internal.transport.netty.NettyH2Transport;
import dev.llmbench.client.internal.transport.okhttp.OkHttpTransport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * One transport per kind, shared by every provider using that kind, each created on its first request (so a client
 * that only talks to OpenAI never starts Netty). The trust material is loaded once, with the first transport.
 */
final class TransportPool {
    private final int maxConcurrency;
    private final int connectionsPerHost;
    private final Duration connectTimeout;
    private final Path trustStore;
    private final String trustStorePassword;
    private final Transport[] transports = new Transport[TransportKind.values().length];
    private TransportConfig config;
    private boolean closed;

    TransportPool(int maxConcurrency, int connectionsPerHost, Duration connectTimeout, Path trustStore, String trustStorePassword) {
        this.maxConcurrency = maxConcurrency;
        this.connectionsPerHost = connectionsPerHost;
        this.connectTimeout = connectTimeout;
        this.trustStore = trustStore;
        this.trustStorePassword = trustStorePassword;
    }

    /** Called once per provider (the provider runtime caches the result), so the monitor is off the hot path. */
    synchronized Transport get(TransportKind kind) {
        if (closed) throw new IllegalStateException("client is closed");
        Transport t = transports[kind.ordinal()];
        if (t == null) {
            if (config == null) config = new TransportConfig(maxConcurrency, connectionsPerHost, connectTimeout,
                    TlsTrust.create(trustStore, trustStorePassword));
            t = create(kind, config);
            transports[kind.ordinal()] = t;
        }
        return t;
    }

    /** The transport of {@code kind} if one was started, else null. */
    synchronized Transport started(TransportKind kind) { return transports[kind.ordinal()]; }

    synchronized void close() {
        closed = true;
        for (int i = 0; i < transports.length; i++) {
            if (transports[i] != null) transports[i].close();
            transports[i] = null;
        }
    }

    private static Transport create(TransportKind kind, TransportConfig config) {
        Supplier<Transport> s = switch (kind) {
            case OKHTTP_H1 -> () -> new OkHttpTransport(false, config);
            case OKHTTP_H2 -> () -> new OkHttpTransport(true, config);
            case NETTY_H2 -> () -> new NettyH2Transport(config);
            case JDK_H1 -> () -> new JdkHttpTransport(false, config);
            case JDK_H2 -> () -> new JdkHttpTransport(true, config);
        };
        return s.get();
    }
}

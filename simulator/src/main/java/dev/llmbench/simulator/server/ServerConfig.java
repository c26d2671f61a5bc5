package dev.llmbench.simulator.server;

/**
 * How the Netty server listens and what it allows.
 *
 * @param httpPort                cleartext HTTP/1.1 + h2c (Upgrade and prior knowledge); 0 = ephemeral
 * @param h2cPort                 cleartext HTTP/2 by prior knowledge only; 0 = ephemeral
 * @param tlsPort                 TLS with ALPN h2 and http/1.1; 0 = ephemeral
 * @param maxConcurrentStreams    SETTINGS_MAX_CONCURRENT_STREAMS advertised on HTTP/2 connections
 * @param maxConnectionsPerClient most simultaneous connections from one client address; 0 = unlimited
 * @param maxRequestBytes         largest request body accepted; larger ones get 413
 * @param ioThreads               event-loop threads shared by all listeners and connections
 */
public record ServerConfig(int httpPort, int h2cPort, int tlsPort, int maxConcurrentStreams,
                           int maxConnectionsPerClient, int maxRequestBytes, int ioThreads) {

    public static final int DEFAULT_MAX_CONCURRENT_STREAMS = 100;
    public static final int DEFAULT_MAX_REQUEST_BYTES = 16 * 1024 * 1024;

    public ServerConfig {
        requirePort(httpPort, "httpPort");
        requirePort(h2cPort, "h2cPort");
        requirePort(tlsPort, "tlsPort");
        if (maxConcurrentStreams < 1) throw new IllegalArgumentException("maxConcurrentStreams must be >= 1");
        if (maxConnectionsPerClient < 0) throw new IllegalArgumentException("maxConnectionsPerClient must be >= 0");
        if (maxRequestBytes < 1) throw new IllegalArgumentException("maxRequestBytes must be >= 1");
        if (ioThreads < 1) throw new IllegalArgumentException("ioThreads must be >= 1");
    }

    /** Ephemeral ports, 100 streams, no connection limit, 16 MiB requests, one IO thread per core up to 4. */
    public static ServerConfig defaults() {
        return new ServerConfig(0, 0, 0, DEFAULT_MAX_CONCURRENT_STREAMS, 0, DEFAULT_MAX_REQUEST_BYTES,
                defaultIoThreads());
    }

    /** Few threads on purpose: the server's work per event is tiny, and the client under test needs the cores. */
    public static int defaultIoThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    public ServerConfig withPorts(int http, int h2c, int tls) {
        return new ServerConfig(http, h2c, tls, maxConcurrentStreams, maxConnectionsPerClient, maxRequestBytes, ioThreads);
    }

    public ServerConfig withMaxConcurrentStreams(int n) {
        return new ServerConfig(httpPort, h2cPort, tlsPort, n, maxConnectionsPerClient, maxRequestBytes, ioThreads);
    }

    public ServerConfig withMaxConnectionsPerClient(int n) {
        return new ServerConfig(httpPort, h2cPort, tlsPort, maxConcurrentStreams, n, maxRequestBytes, ioThreads);
    }

    public ServerConfig withMaxRequestBytes(int n) {
        return new ServerConfig(httpPort, h2cPort, tlsPort, maxConcurrentStreams, maxConnectionsPerClient, n, ioThreads);
    }

    public ServerConfig withIoThreads(int n) {
        return new ServerConfig(httpPort, h2cPort, tlsPort, maxConcurrentStreams, maxConnectionsPerClient, maxRequestBytes, n);
    }

    private static void requirePort(int port, String name) {
        if (port < 0 || port > 65535) throw new IllegalArgumentException(name + " must be 0..65535, was " + port);
    }
}

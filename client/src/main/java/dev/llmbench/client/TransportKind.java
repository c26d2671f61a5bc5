package dev.llmbench.client;

/** The HTTP stacks the client can send a provider's requests over. */
public enum TransportKind {
    /** OkHttp, HTTP/1.1 only: one connection per in-flight request. */
    OKHTTP_H1("okhttp-h1"),
    /** OkHttp, HTTP/2: ALPN over TLS, prior knowledge over cleartext. */
    OKHTTP_H2("okhttp-h2"),
    /** Netty HTTP/2 with multiplexed streams over one or N connections (TLS ALPN or cleartext prior knowledge). */
    NETTY_H2("netty-h2"),
    /** The JDK's java.net.http.HttpClient forced to HTTP/1.1. */
    JDK_H1("jdk-h1"),
    /** The JDK's java.net.http.HttpClient, HTTP/2 (ALPN over TLS, Upgrade: h2c over cleartext). */
    JDK_H2("jdk-h2");

    private final String id;

    TransportKind(String id) { this.id = id; }

    /** Short name used in options and reports, e.g. {@code okhttp-h2}. */
    public String id() { return id; }

    /** Parses {@link #id()} (or the enum name); the error lists the valid names. */
    public static TransportKind parse(String s) {
        for (TransportKind k : values()) {
            if (k.id.equalsIgnoreCase(s) || k.name().equalsIgnoreCase(s)) return k;
        }
        StringBuilder valid = new StringBuilder();
        for (TransportKind k : values()) valid.append(valid.length() == 0 ? "" : ", ").append(k.id);
        throw new IllegalArgumentException("unknown transport '" + s + "'; valid: " + valid);
    }
}

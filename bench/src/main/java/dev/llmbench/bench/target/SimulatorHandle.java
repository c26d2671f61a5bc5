package dev.llmbench.bench.target;

import java.nio.file.Path;

/** A running simulator, in this JVM or in its own process. */
public interface SimulatorHandle extends AutoCloseable {
    /** Cleartext root, e.g. {@code http://127.0.0.1:43121}: HTTP/1.1, h2c upgrade and prior knowledge. */
    String httpRoot();

    /** TLS root, e.g. {@code https://127.0.0.1:43123}: ALPN h2 and http/1.1. */
    String tlsRoot();

    Path trustStore();

    String trustStorePassword();

    /** For provenance, e.g. "separate JVM, pid 1234". */
    String describe();

    @Override
    void close();
}

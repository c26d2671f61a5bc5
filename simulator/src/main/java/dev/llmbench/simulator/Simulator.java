package dev.llmbench.simulator;

import dev.llmbench.simulator.provider.SimulatedProviders;
import dev.llmbench.simulator.server.ServerConfig;
import dev.llmbench.simulator.server.SimulatorServer;
import dev.llmbench.simulator.tls.LoopbackCertificate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded simulator: starts its listeners on loopback and hands back their base URIs and the truststore path.
 *
 * <p>URL layout (the same on every listener): {@code <root>/<profile>/v1/chat/completions} (OpenAI, Together, any
 * OpenAI-compatible profile), {@code <root>/<profile>/v1/messages} (Anthropic),
 * {@code <root>/<profile>/v1beta/models/<model>:streamGenerateContent?alt=sse} (Gemini); without the profile segment
 * the default profile serves. So a client's base URL for OpenAI on the {@code openai} profile is
 * {@code httpRoot() + "/openai/v1"}; see {@link #baseUrl}.
 *
 * <pre>{@code
 * try (Simulator sim = Simulator.builder().start()) {
 *     String openai = sim.baseUrl(Simulator.Listener.TLS, "openai", "v1");
 * }
 * }</pre>
 */
public final class Simulator implements AutoCloseable {

    /** The three listeners. */
    public enum Listener {
        /** Cleartext: HTTP/1.1, h2c by Upgrade, and h2c by prior knowledge, all on one port. */
        HTTP,
        /** Cleartext HTTP/2 by prior knowledge only. */
        H2C,
        /** TLS with ALPN offering h2 and http/1.1. */
        TLS
    }

    private final SimulatorServer server;
    private final SimulatedProviders providers;
    private final LoopbackCertificate certificate;
    private final Path tempDir;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Simulator(SimulatorServer server, SimulatedProviders providers, LoopbackCertificate certificate,
                      Path tempDir) {
        this.server = server;
        this.providers = providers;
        this.certificate = certificate;
        this.tempDir = tempDir;
    }

    public static Builder builder() { return new Builder(); }

    /** Root URI of a listener, e.g. {@code http://127.0.0.1:43121} or {@code https://127.0.0.1:43123}. */
    public URI root(Listener listener) { return server.root(listener); }

    /** {@code root(listener) + "/" + profile + "/" + apiVersion}, e.g. {@code https://127.0.0.1:43123/openai/v1}. */
    public String baseUrl(Listener listener, String profile, String apiVersion) {
        return root(listener) + "/" + profile + "/" + apiVersion;
    }

    /** Requests the simulated providers received so far, errors and faults included (e.g. to count a library's retries). */
    public long requests() { return providers.requests(); }

    /** PKCS12 truststore holding the simulator's self-signed certificate (for {@code javax.net.ssl.trustStore}). */
    public Path trustStore() { return certificate.trustStore(); }

    public String trustStorePassword() { return certificate.trustStorePassword(); }

    /** Stops the listeners and releases threads; deletes the truststore. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) return;
        try {
            server.close();
        } finally {
            try {
                providers.close();
            } finally {
                deleteQuietly(certificate.trustStore());
                deleteQuietly(tempDir);
            }
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException ignored) {
            // a leftover file in the temp dir is harmless
        }
    }

    public static final class Builder {
        String defaultProfile = "openai";
        Path profileFile;
        final Map<String, String> overrides = new HashMap<>();
        long seed = 42;
        int httpPort;
        int h2cPort;
        int tlsPort;
        int maxConcurrentStreams = 100;
        int maxConnectionsPerClient = 0;
        int ioThreads = ServerConfig.defaultIoThreads();

        Builder() {}

        /** Profile serving paths without a profile segment; default {@code openai}. */
        public Builder defaultProfile(String name) { defaultProfile = name; return this; }

        /** Properties file overriding profile parameters ({@code <profile>.<parameter>=value}). */
        public Builder profileFile(Path file) { profileFile = file; return this; }

        /** One override, {@code <profile>.<parameter>}, e.g. {@code openai.limit.rpm} = {@code 600}. */
        public Builder set(String key, String value) { overrides.put(key, value); return this; }

        public Builder seed(long seed) { this.seed = seed; return this; }

        /** Ports; 0 (the default) picks an ephemeral port. */
        public Builder httpPort(int port) { httpPort = port; return this; }
        public Builder h2cPort(int port) { h2cPort = port; return this; }
        public Builder tlsPort(int port) { tlsPort = port; return this; }

        /** SETTINGS_MAX_CONCURRENT_STREAMS advertised on HTTP/2 connections; default 100, as real providers. */
        public Builder maxConcurrentStreams(int n) { maxConcurrentStreams = n; return this; }

        /** Most connections accepted at once from one client address; 0 (default) means unlimited. */
        public Builder maxConnectionsPerClient(int n) { maxConnectionsPerClient = n; return this; }

        /** Event-loop threads serving all listeners; default one per core, at most 4. */
        public Builder ioThreads(int n) { ioThreads = n; return this; }

        /** Generates the certificate, builds the providers and binds the three listeners on 127.0.0.1. */
        public Simulator start() {
            ServerConfig config = new ServerConfig(httpPort, h2cPort, tlsPort, maxConcurrentStreams,
                    maxConnectionsPerClient, ServerConfig.DEFAULT_MAX_REQUEST_BYTES, ioThreads);
            Path tempDir;
            try {
                tempDir = Files.createTempDirectory("llmbench-simulator-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a directory for the truststore", e);
            }
            LoopbackCertificate certificate = null;
            SimulatedProviders providers = null;
            try {
                certificate = LoopbackCertificate.generate(tempDir, LoopbackCertificate.DEFAULT_PASSWORD);
                // Fallback for simulators never closed (e.g. shared by a whole test JVM): removed at normal exit,
                // file before directory (deleteOnExit runs in reverse order of registration).
                tempDir.toFile().deleteOnExit();
                certificate.trustStore().toFile().deleteOnExit();
                providers = new SimulatedProviders(new SimulatorSettings(defaultProfile, profileFile, overrides, seed));
                SimulatorServer server = SimulatorServer.start(config, providers, certificate);
                return new Simulator(server, providers, certificate, tempDir);
            } catch (RuntimeException | Error e) {
                if (providers != null) providers.close();
                if (certificate != null) deleteQuietly(certificate.trustStore());
                deleteQuietly(tempDir);
                throw e;
            }
        }
    }
}

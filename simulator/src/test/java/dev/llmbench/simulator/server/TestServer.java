package dev.llmbench.simulator.server;

import dev.llmbench.simulator.Simulator.Listener;
import dev.llmbench.simulator.tls.LoopbackCertificate;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;

/** A {@link SimulatorServer} with a {@link ScriptedHandler}, plus clients configured for it. */
final class TestServer implements AutoCloseable {

    final ScriptedHandler handler = new ScriptedHandler();
    final LoopbackCertificate certificate;
    final SimulatorServer server;

    TestServer(Path tempDir, ServerConfig config) {
        certificate = LoopbackCertificate.generate(tempDir, LoopbackCertificate.DEFAULT_PASSWORD);
        server = SimulatorServer.start(config.withIoThreads(1), handler, certificate);
    }

    TestServer(Path tempDir) {
        this(tempDir, ServerConfig.defaults());
    }

    String url(Listener listener, String pathAndQuery) {
        return server.root(listener) + pathAndQuery;
    }

    static OkHttpClient.Builder okHttp() {
        return new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(10)).callTimeout(Duration.ofSeconds(20))
                .retryOnConnectionFailure(false);
    }

    static OkHttpClient http1() {
        return okHttp().protocols(List.of(Protocol.HTTP_1_1)).build();
    }

    static OkHttpClient h2PriorKnowledge() {
        return okHttp().protocols(List.of(Protocol.H2_PRIOR_KNOWLEDGE)).build();
    }

    /** OkHttp trusting the server's truststore, offering the given protocols by ALPN. */
    OkHttpClient tls(List<Protocol> protocols) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(certificate.trustStore())) {
            store.load(in, certificate.trustStorePassword().toCharArray());
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        X509TrustManager trustManager = (X509TrustManager) factory.getTrustManagers()[0];
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, new javax.net.ssl.TrustManager[] {trustManager}, null);
        return okHttp().protocols(protocols).sslSocketFactory(ssl.getSocketFactory(), trustManager).build();
    }

    @Override
    public void close() {
        server.close();
    }
}

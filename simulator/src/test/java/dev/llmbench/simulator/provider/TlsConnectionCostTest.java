package dev.llmbench.simulator.provider;

import dev.llmbench.simulator.Simulator;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/** A stream over TLS with ALPN h2; the first request of the connection pays the simulated TCP + TLS set-up. */
class TlsConnectionCostTest {

    @Test
    void firstRequestOnATlsConnectionPaysTheHandshakeCost() throws Exception {
        try (Simulator sim = Simulator.builder().seed(1).set("zero.network.tlsMs", "250").set("zero.network.connectMs", "50").start()) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(sim.trustStore())) {
                store.load(in, sim.trustStorePassword().toCharArray());
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new javax.net.ssl.TrustManager[] {tm}, null);
            OkHttpClient http = new OkHttpClient.Builder().sslSocketFactory(ssl.getSocketFactory(), tm)
                    .protocols(List.of(Protocol.HTTP_2, Protocol.HTTP_1_1)).readTimeout(Duration.ofSeconds(20)).build();
            try {
                Request request = new Request.Builder().url(sim.baseUrl(Simulator.Listener.TLS, "zero", "v1") + "/chat/completions")
                        .header("authorization", "Bearer k").header("x-sim-ground-truth", "1")
                        .post(RequestBody.create("{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}",
                                MediaType.get("application/json"))).build();
                try (Response r = http.newCall(request).execute()) {
                    assertThat(r.protocol()).isEqualTo(Protocol.HTTP_2);
                    String body = r.body().string();
                    assertThat(body).endsWith("data: [DONE]\n\n");
                    Matcher m = GroundTruthTest.TRUTH.matcher(body);
                    assertThat(m.find()).isTrue();
                    assertThat(Long.parseLong(m.group(1))).isGreaterThanOrEqualTo(300_000);
                    assertThat(SimClient.dataJson(body)).hasSize(1 + 134 + 1);
                }
            } finally {
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
            }
        }
    }
}

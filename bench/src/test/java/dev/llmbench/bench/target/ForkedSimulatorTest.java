package dev.llmbench.bench.target;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ForkedSimulatorTest {

    @Test
    void startsTheSimulatorInItsOwnJvmFromOurClasspathAndStopsIt() throws Exception {
        ForkedSimulator sim = ForkedSimulator.start(7, Map.of("openai.limit.rpm", "100"));
        try {
            assertThat(sim.httpRoot()).startsWith("http://127.0.0.1:");
            assertThat(sim.tlsRoot()).startsWith("https://127.0.0.1:");
            assertThat(sim.trustStore()).isRegularFile();
            assertThat(sim.describe()).contains("pid");

            HttpResponse<String> models = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                    HttpRequest.newBuilder(URI.create(sim.httpRoot() + "/openai/v1/models"))
                            .header("Authorization", "Bearer sim-key-test").timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(models.statusCode()).isEqualTo(200);
            assertThat(models.body()).contains("gpt-4.1-nano");
        } finally {
            sim.close();
        }
        assertThat(sim.isAlive()).isFalse();
        assertThat(Files.exists(sim.trustStore())).isFalse(); // SIGTERM let it clean up
    }

    @Test
    void theClasspathHoldsTheSimulatorAndItsDependencies() {
        String cp = ForkedSimulator.classpath();
        assertThat(cp).contains("netty").contains("jackson");
    }
}

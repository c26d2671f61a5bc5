package dev.llmbench.bench.target;

import dev.llmbench.bench.cli.Models;
import dev.llmbench.bench.cli.RepositoryRoot;
import dev.llmbench.client.Provider;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TargetsTest {

    @Test
    void liveMeasuresOnlyProvidersWithAKeyAndLetsTheClientReadIt() {
        LiveTarget live = new LiveTarget(Map.of("OPENAI_API_KEY", "sk-test-not-real"), null);

        Endpoint openai = live.endpoint("openai", true).orElseThrow();
        assertThat(openai.apiKey()).isNull(); // the harness never holds a live key
        assertThat(openai.baseUrl()).isNull();
        assertThat(openai.wireProvider()).isEqualTo(Provider.OPENAI);
        assertThat(openai.groundTruth()).isFalse();
        assertThat(live.endpoint("gemini", true)).isEmpty();
        assertThat(live.unavailableReason("gemini")).contains("GEMINI_API_KEY");
        assertThat(live.simulated()).isFalse();
    }

    @Test
    void aBaseUrlIsTheGenericProviderWithTheGivenModel() {
        BaseUrlTarget t = new BaseUrlTarget("http://127.0.0.1:8000/v1", "my-model", Map.of());

        Endpoint e = t.endpoint("generic", false).orElseThrow();
        assertThat(e.provider()).isEqualTo("generic");
        assertThat(e.wireProvider()).isEqualTo(Provider.GENERIC);
        assertThat(e.baseUrl()).isEqualTo("http://127.0.0.1:8000/v1");
        assertThat(e.model()).isEqualTo("my-model");
        assertThat(e.toString()).doesNotContain(e.apiKey());
    }

    @Test
    void aModelOverrideKeepsRoutingToItsProvider() {
        assertThat(Models.model("gemini", "gemini-2.5-flash")).isEqualTo("gemini/gemini-2.5-flash");
        assertThat(Models.model("gemini", "gemini/gemini-2.5-flash")).isEqualTo("gemini/gemini-2.5-flash");
        assertThat(Models.model("together", "meta-llama/X")).isEqualTo("together_ai/meta-llama/X");
        assertThat(Models.model("anthropic", "claude-sonnet-4-5")).isEqualTo("claude-sonnet-4-5");
        assertThat(Models.model("openai", null)).isEqualTo("gpt-4.1-nano");
        assertThat(Models.apiVersion("gemini")).isEqualTo("v1beta");
    }

    @Test
    void theRepositoryRootIsFoundFromAModuleDirectory() throws Exception {
        java.nio.file.Path root = RepositoryRoot.find(java.nio.file.Path.of(""));
        assertThat(root.resolve("pom.xml")).content().contains("<module>bench</module>");
    }
}

package dev.llmbench.bench.cli;

import dev.llmbench.client.TransportKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SweepOptionsTest {

    @Test
    void defaultsFollowTheIssue() {
        SweepOptions o = SweepOptions.parse(Map.of());

        assertThat(o.sweep()).isEqualTo("concurrency");
        assertThat(o.providers()).containsExactly("openai", "anthropic", "gemini", "together");
        assertThat(o.concurrency()).containsExactly(8, 16, 32, 64);
        assertThat(o.n()).as("auto").isNull();
        assertThat(o.requestsFor(8)).as("at least the lessons' batch of 64").isEqualTo(64);
        assertThat(o.requestsFor(64)).as("four waves of the concurrency").isEqualTo(256);
        assertThat(SweepOptions.parse(Map.of("n", "10")).requestsFor(64)).isEqualTo(10);
        assertThat(o.warmupFor(32)).isEqualTo(32);
        assertThat(o.repeats()).isEqualTo(1);
        assertThat(o.rate()).isNull();
        assertThat(o.transport()).isNull();
        assertThat(o.target()).isInstanceOf(TargetSpec.Sim.class);
        assertThat(o.simInProcess()).isFalse();
        assertThat(o.get(Options.SIM_SET)).isEmpty();
        assertThat(o.reports()).isEqualTo("reports");
        assertThat(o.results()).isEqualTo("RESULTS.md");
    }

    @Test
    void quickShrinksTheDefaultsButExplicitValuesWin() {
        SweepOptions quick = SweepOptions.parse(Map.of("quick", "true"));
        assertThat(quick.n()).isLessThanOrEqualTo(16); // at c=4 still 8 completions in the steady window
        assertThat(quick.concurrency()).allMatch(c -> c <= 4);
        assertThat(quick.warmupFor(4)).isEqualTo(1);

        SweepOptions explicit = SweepOptions.parse(Map.of("quick", "true", "n", "20", "concurrency", "3", "warmup", "0",
                "simSet", "openai.latency.medianMs=7;zero.limit.rpm=10"));
        assertThat(explicit.n()).isEqualTo(20);
        assertThat(explicit.concurrency()).containsExactly(3);
        assertThat(explicit.warmupFor(3)).isZero();
        assertThat(explicit.get(Options.SIM_SET)).containsEntry("openai.latency.medianMs", "7").containsEntry("zero.limit.rpm", "10");
    }

    @Test
    void parsesListsTransportsRatesAndTargets() {
        SweepOptions o = SweepOptions.parse(Map.of("provider", "Gemini, openai", "concurrency", "4,2,4", "rate", "12.5",
                "transport", "netty-h2", "target", "http://127.0.0.1:8000/v1/", "model", "my-model"));

        assertThat(o.providers()).containsExactly("generic"); // a base-URL target is one generic provider
        assertThat(o.concurrency()).containsExactly(4, 2);
        assertThat(o.rate()).isEqualTo(12.5);
        assertThat(o.transport()).isEqualTo(TransportKind.NETTY_H2);
        assertThat(o.target()).isEqualTo(new TargetSpec.BaseUrl("http://127.0.0.1:8000/v1"));

        assertThat(SweepOptions.parse(Map.of("provider", "gemini,openai")).providers()).isEqualTo(List.of("gemini", "openai"));
        assertThat(SweepOptions.parse(Map.of("target", "live")).target()).isInstanceOf(TargetSpec.Live.class);
    }

    @Test
    void parsesTheLoadShapeOptions() {
        SweepOptions o = SweepOptions.parse(Map.of("rate", "2, 4.5,2,8", "duration", "1.5s", "slo", "ttft<=800ms,e2e<=10s",
                "attainment", "0.9", "rates", "4", "capacitySteps", "7"));
        assertThat(o.rates()).containsExactly(2.0, 4.5, 8.0);
        assertThat(o.rate()).as("the first").isEqualTo(2.0);
        assertThat(o.durationNanos()).isEqualTo(1_500_000_000L);
        assertThat(o.slo().ttftMillis()).isEqualTo(800);
        assertThat(o.slo().e2eMillis()).isEqualTo(10_000);
        assertThat(o.get(Options.ATTAINMENT)).isEqualTo(0.9);
        assertThat(o.get(Options.RATES)).isEqualTo(4);
        assertThat(o.get(Options.CAPACITY_STEPS)).isEqualTo(7);
        assertThat(SweepOptions.parse(Map.of("duration", "250ms")).durationNanos()).isEqualTo(250_000_000L);
        assertThat(SweepOptions.parse(Map.of("duration", "2m")).durationNanos()).isEqualTo(120_000_000_000L);

        SweepOptions defaults = SweepOptions.parse(Map.of());
        assertThat(defaults.durationNanos()).as("by count").isZero();
        assertThat(defaults.slo()).isNull();
        assertThat(defaults.rates()).isNull();
        assertThat(defaults.get(Options.ATTAINMENT)).isEqualTo(0.95);
        assertThat(defaults.get(Options.RATES)).isEqualTo(6);
        assertThat(SweepOptions.parse(Map.of("quick", "true")).get(Options.RATES)).isEqualTo(3);
    }

    @Test
    void badLoadShapeValuesAreOneLineErrorsNamingWhatIsAccepted() {
        for (Map.Entry<String, String> bad : Map.of("duration", "60", "rate", "2,-1", "slo", "ttft<800ms", "attainment", "1.5",
                "rates", "1", "capacitySteps", "100").entrySet()) {
            assertThatThrownBy(() -> SweepOptions.parse(Map.of(bad.getKey(), bad.getValue())))
                    .as(bad.toString()).isInstanceOf(OptionException.class)
                    .hasMessageContaining("-D" + bad.getKey()).hasMessageContaining(bad.getValue())
                    .hasMessageNotContaining("\n");
        }
        assertThatThrownBy(() -> SweepOptions.parse(Map.of("duration", "60"))).hasMessageContaining("500ms, 60s, 2m");
        assertThatThrownBy(() -> SweepOptions.parse(Map.of("slo", "itl<=5ms"))).hasMessageContaining("ttft<=T");
    }

    @Test
    void aModelNamingItsProviderSelectsItAndANameNoProviderClaimsGoesToEachWithItsPrefix() {
        assertThat(SweepOptions.parse(Map.of("model", "claude-haiku-4-5")).providers()).containsExactly("anthropic");
        assertThat(SweepOptions.parse(Map.of("model", "gemini/gemini-2.5-flash", "target", "live")).providers()).containsExactly("gemini");
        assertThat(SweepOptions.parse(Map.of("model", "o4-mini", "provider", "openai")).providers()).containsExactly("openai");
        assertThat(SweepOptions.parse(Map.of("model", "meta-llama/X", "provider", "together,gemini,anthropic")).providers())
                .containsExactly("together", "gemini", "anthropic");
        assertThat(SweepOptions.parse(Map.of("model", "claude-x", "target", "http://127.0.0.1:8000/v1")).providers())
                .as("a base URL takes any model").containsExactly("generic");
    }

    @Test
    void aModelTheClientRoutesElsewhereIsRejectedNamingWhatEachProviderTakes() {
        assertThatThrownBy(() -> SweepOptions.parse(Map.of("model", "gpt-4o", "provider", "gemini")))
                .isInstanceOf(OptionException.class).hasMessageContaining("-Dmodel=gpt-4o").hasMessageContaining("gemini takes gemini/*")
                .hasMessageContaining("sends gpt-4o to openai");
        assertThatThrownBy(() -> SweepOptions.parse(Map.of("model", "claude-x", "provider", "openai", "target", "live")))
                .isInstanceOf(OptionException.class).hasMessageContaining("openai takes gpt-*, o1*, o3*, o4*, chatgpt-*");
        assertThatThrownBy(() -> SweepOptions.parse(Map.of("model", "gemini/x", "provider", "anthropic")))
                .as("a prefix is never stacked on a name routed elsewhere")
                .isInstanceOf(OptionException.class).hasMessageContaining("anthropic takes claude-*");
        assertThatThrownBy(() -> SweepOptions.parse(Map.of("model", "gpt-4o", "provider", "openai,together")))
                .isInstanceOf(OptionException.class).hasMessageContaining("together takes").hasMessageNotContaining("openai takes");
        assertThatThrownBy(() -> SweepOptions.parse(Map.of("model", "my-model")))
                .as("OpenAI has no prefix: an unknown name would go over the generic path")
                .isInstanceOf(OptionException.class).hasMessageContaining("openai takes").hasMessageContaining("generic OpenAI-compatible path")
                .hasMessageNotContaining("gemini takes");
    }

    @Test
    void aMisspeltOptionIsRejectedNamingTheNearestOne() {
        assertThatThrownBy(() -> SweepOptions.parse(Map.of("concurency", "2")))
                .isInstanceOf(OptionException.class).hasMessageContaining("-Dconcurency=2")
                .hasMessageContaining("did you mean -Dconcurrency?");
        assertThatThrownBy(() -> SweepOptions.parse(Map.of("maxtokens", "9")))
                .as("case is ignored when looking for the nearest").hasMessageContaining("did you mean -DmaxTokens?");
        assertThatThrownBy(() -> SweepOptions.parse(Map.of("sed", "1"))).hasMessageContaining("did you mean -Dseed?");
    }

    @Test
    void onlyDotlessNamesThatAreNotMavensLookLikeOptions() {
        assertThat(Options.looksLikeOption("concurrency")).isTrue();
        assertThat(Options.looksLikeOption("concurency")).isTrue();
        assertThat(Options.looksLikeOption("java.version")).isFalse();
        assertThat(Options.looksLikeOption("maven.repo.local")).isFalse();
        assertThat(Options.looksLikeOption("exec.mainClass")).isFalse();
        assertThat(Options.looksLikeOption("skipTests")).isFalse();
    }

    @Test
    void everyOptionHasOneDeclarationAndItsDefaultParsesBack() {
        assertThat(Options.ALL.stream().map(Option::name).distinct()).hasSameSizeAs(Options.ALL);
        SweepOptions defaults = SweepOptions.parse(Map.of());
        for (Option<?> o : Options.ALL) {
            assertThat(Options.named(o.name())).contains(o);
            assertThat(defaults.given(o)).isFalse();
            assertThat(defaults.text(o)).isEqualTo(o.defaultText());
        }
        assertThat(SweepOptions.parse(Map.of("n", "5", "quick", "true")).commandLine())
                .isEqualTo("mvn -pl bench exec:java -Dn=5 -Dquick=true");
        assertThat(SweepOptions.parse(Map.of("retries", "3")).retries()).isEqualTo(3);
    }

    @Test
    void theWorkloadOptionsParseAndDefaultToTheBuiltInPrompts() {
        SweepOptions defaults = SweepOptions.parse(Map.of());
        assertThat(defaults.get(Options.DATASET)).isNull();
        assertThat(defaults.get(Options.INPUT_TOKENS)).isNull();
        assertThat(defaults.get(Options.OUTPUT_TOKENS)).isNull();
        assertThat(defaults.get(Options.EXACT_OUTPUT)).isFalse();
        assertThat(Options.CELL_SWEEP).contains(Options.DATASET, Options.INPUT_TOKENS, Options.OUTPUT_TOKENS, Options.EXACT_OUTPUT);

        SweepOptions o = SweepOptions.parse(Map.of("dataset", "data/sharegpt.json", "outputTokens", "normal:200,40",
                "exactOutput", "true"));
        assertThat(o.get(Options.DATASET)).isEqualTo("data/sharegpt.json");
        assertThat(o.get(Options.OUTPUT_TOKENS)).isEqualTo(new LengthDistribution.Normal(200, 40));
        assertThat(o.get(Options.EXACT_OUTPUT)).isTrue();
        assertThat(SweepOptions.parse(Map.of("inputTokens", "uniform:100-300")).get(Options.INPUT_TOKENS))
                .isEqualTo(new LengthDistribution.Uniform(100, 300));
    }

    @Test
    void aBadLengthDistributionIsOneLineNamingTheValidForms() {
        for (String bad : new String[] {"uniform:300-100", "normal:0,5", "fixed", "256"}) {
            for (Option<?> option : new Option<?>[] {Options.INPUT_TOKENS, Options.OUTPUT_TOKENS}) {
                assertThatThrownBy(() -> SweepOptions.parse(Map.of(option.name(), bad))).isInstanceOf(OptionException.class)
                        .hasMessage(option + "=" + bad + " is not valid; valid: " + LengthDistribution.FORMS);
            }
        }
        assertThatThrownBy(() -> SweepOptions.parse(Map.of("exactOutput", "always"))).isInstanceOf(OptionException.class)
                .hasMessage("-DexactOutput=always is not valid; valid: true, false");
    }

    @Test
    void onlyASectionsOwnCommandOrAnExplicitResultsReplacesItsSection() {
        assertThat(SweepOptions.parse(Map.of()).updatesResults()).isTrue();
        assertThat(SweepOptions.parse(Map.of("sweep", "path")).updatesResults()).isTrue();
        assertThat(SweepOptions.parse(Map.of("sweep", "jmh", "jmhResults", "x.json")).updatesResults()).isTrue();
        assertThat(SweepOptions.parse(Map.of("quick", "true")).updatesResults()).isFalse();
        assertThat(SweepOptions.parse(Map.of("n", "10")).updatesResults()).isFalse();
        assertThat(SweepOptions.parse(Map.of("quick", "true")).resultsFile(java.nio.file.Path.of("/r"))).isNull();
        assertThat(SweepOptions.parse(Map.of("quick", "true", "results", "RESULTS.md")).resultsFile(java.nio.file.Path.of("/r")))
                .isEqualTo(java.nio.file.Path.of("/r/RESULTS.md"));
    }
}

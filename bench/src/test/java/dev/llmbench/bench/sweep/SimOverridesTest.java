package dev.llmbench.bench.sweep;

import dev.llmbench.bench.cli.SweepOptions;
import dev.llmbench.bench.sweep.catalog.Catalog;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SimOverridesTest {
    private static CellSweep sweep(String name) { return (CellSweep) Catalog.named(name); }

    @Test
    void noOverridesByDefault() {
        assertThat(SimOverrides.of(sweep("concurrency"), SweepOptions.parse(Map.of()))).isEmpty();
    }

    @Test
    void quickSpeedsUpEveryProfileTheSweepUsesAndSimSetWins() {
        SweepOptions quick = SweepOptions.parse(Map.of("quick", "true"));
        assertThat(SimOverrides.of(sweep("concurrency"), quick)).containsEntry("openai.latency.medianMs", "5")
                .containsEntry("together.latency.medianMs", "5").doesNotContainKey("openai-keyed.latency.medianMs");
        assertThat(SimOverrides.of(sweep("keys"), quick)).containsEntry("openai-keyed.latency.medianMs", "5");

        SweepOptions explicit = SweepOptions.parse(Map.of("quick", "true", "simSet", "openai.latency.medianMs=7;zero.limit.rpm=10"));
        assertThat(SimOverrides.of(sweep("concurrency"), explicit)).containsEntry("openai.latency.medianMs", "7").containsEntry("zero.limit.rpm", "10");
    }

    @Test
    void exactOutputLetsTheOpenAiFormatProfilesRunEveryAnswerToMaxTokensAndSimSetStillWins() {
        Map<String, String> quick = SimOverrides.of(sweep("concurrency"), SweepOptions.parse(Map.of("quick", "true", "exactOutput", "true")));
        for (String p : new String[] {"openai", "together"}) {
            assertThat(quick).as(p).containsEntry(p + ".output.mean", "1000000").containsEntry(p + ".output.sigma", "0");
        }
        assertThat(quick).as("they cannot force the length").containsEntry("anthropic.output.mean", "24").containsEntry("gemini.output.mean", "24");
        assertThat(SimOverrides.of(sweep("keys"), SweepOptions.parse(Map.of("exactOutput", "true"))))
                .containsEntry("openai-keyed.output.mean", "1000000");
        assertThat(SimOverrides.of(sweep("concurrency"), SweepOptions.parse(Map.of("exactOutput", "true", "simSet", "openai.output.mean=50"))))
                .containsEntry("openai.output.mean", "50");
        assertThat(SimOverrides.of(sweep("concurrency"), SweepOptions.parse(Map.of("exactOutput", "false")))).isEmpty();
    }

    @Test
    void theSoakOwnsItsLimitsAndSimSetStillWins() {
        assertThat(SimOverrides.of(sweep("soak"), SweepOptions.parse(Map.of()))).containsEntry("openai.limit.concurrency", "0");
        assertThat(SimOverrides.of(sweep("soak"), SweepOptions.parse(Map.of("simSet", "openai.limit.concurrency=9"))))
                .containsEntry("openai.limit.concurrency", "9");
        assertThat(SimOverrides.of(sweep("concurrency"), SweepOptions.parse(Map.of()))).doesNotContainKey("openai.limit.concurrency");
    }
}

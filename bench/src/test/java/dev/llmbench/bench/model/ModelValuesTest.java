package dev.llmbench.bench.model;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The model's own derivations (steady-state rates, leak counts, fault spreading, the accounting), by hand. */
class ModelValuesTest {

    @Test
    void steadyStateRatesAreCompletionsAndTokensOverTheWindow() {
        SteadyState s = new SteadyState(2.5, 10, 1_250, Double.NaN, Double.NaN);
        assertThat(s.present()).isTrue();
        assertThat(s.outputTokPerSec()).isEqualTo(500.0);
        assertThat(s.requestsPerSec()).isEqualTo(4.0);
        // a window of one completion is still a steady state; none, or no window, is not
        assertThat(new SteadyState(0.5, 1, 7, Double.NaN, Double.NaN).requestsPerSec()).isEqualTo(2.0);
        assertThat(new SteadyState(0.5, 1, 7, Double.NaN, Double.NaN).outputTokPerSec()).isEqualTo(14.0);
        for (SteadyState none : List.of(SteadyState.empty(), new SteadyState(2, 0, 0, Double.NaN, Double.NaN), new SteadyState(0, 5, 100, Double.NaN, Double.NaN),
                new SteadyState(-1, 5, 100, Double.NaN, Double.NaN))) {
            assertThat(none.present()).as(none.toString()).isFalse();
            assertThat(none.outputTokPerSec()).isNaN();
            assertThat(none.requestsPerSec()).isNaN();
        }
        assertThat(SteadyState.empty()).isEqualTo(new SteadyState(0, 0, 0, Double.NaN, Double.NaN));
        // CPU per 1k tokens of the window, and Little's law over its completions
        SteadyState w = new SteadyState(2.0, 10, 1_000, 30.0, 0.5);
        assertThat(w.cpuMsPer1kTokens()).isEqualTo(30.0);
        assertThat(w.littleOutputTokPerSec(8)).isEqualTo(1_600.0); // 8 x 100 tokens / 0.5 s
        assertThat(new SteadyState(2.0, 10, 1_000, Double.NaN, Double.NaN).littleOutputTokPerSec(8)).isNaN();
        assertThat(new SteadyState(2.0, 10, 0, 30.0, 0.5).cpuMsPer1kTokens()).isNaN();
    }

    @Test
    void leaksCountOnlyWhatWasNotThereBefore() {
        Leaks none = new Leaks(40, 40, 10, 10, "");
        assertThat(none.threads()).isZero();
        assertThat(none.sockets()).isZero();
        assertThat(none.leaked()).isFalse();

        Leaks threads = new Leaks(40, 43, 10, 10, "a,b,c");
        assertThat(threads.threads()).isEqualTo(3);
        assertThat(threads.leaked()).isTrue();

        Leaks sockets = new Leaks(40, 40, 10, 12, "");
        assertThat(sockets.sockets()).isEqualTo(2);
        assertThat(sockets.threads()).isZero();
        assertThat(sockets.leaked()).isTrue();

        Leaks fewer = new Leaks(40, 38, 10, 8, "");
        assertThat(fewer.threads()).as("threads that ended are no leak").isZero();
        assertThat(fewer.sockets()).isZero();
        assertThat(fewer.leaked()).isFalse();

        assertThat(new Leaks(1, 2, -1, 5, "").sockets()).as("unknown before").isZero();
        assertThat(new Leaks(1, 1, 5, -1, "").sockets()).as("unknown after").isZero();
        assertThat(new Leaks(1, 1, 0, 1, "").sockets()).as("zero is a known count").isEqualTo(1);
        assertThat(new Leaks(1, 1, 0, 1, "").leaked()).isTrue();
        assertThat(new Leaks(1, 2, 0, 0, "").leaked()).isTrue();
    }

    @Test
    void faultsAreSpreadEvenlyAndExactly() {
        FaultCase quarter = new FaultCase("http-500", 0.25, "SERVER_ERROR", "");
        assertThat(IntStream.range(0, 12).filter(quarter::faulted).boxed().toList()).containsExactly(3, 7, 11);
        assertThat(quarter.faultedOf(12)).isEqualTo(3);
        assertThat(quarter.faultedOf(11)).isEqualTo(2);
        assertThat(quarter.faultedOf(3)).isZero();

        FaultCase storm = new FaultCase("rate-limit", 1.0, "RATE_LIMITED", "");
        assertThat(IntStream.range(0, 5).allMatch(storm::faulted)).isTrue();
        assertThat(storm.faultedOf(5)).isEqualTo(5);

        FaultCase none = new FaultCase("none", 0.0, "", "");
        assertThat(IntStream.range(0, 100).noneMatch(none::faulted)).isTrue();
        assertThat(none.faultedOf(100)).isZero();

        // a rate whose products land just below a whole number in floating point still counts it
        FaultCase tenth = new FaultCase("truncate", 0.1, "PROTOCOL", "");
        assertThat(tenth.faultedOf(30)).isEqualTo(3);
        assertThat(IntStream.range(0, 30).filter(tenth::faulted).count()).isEqualTo(3);
        assertThat(IntStream.range(0, 30).filter(tenth::faulted).boxed().toList()).containsExactly(9, 19, 29);
    }

    @Test
    void faultCasesAreNamedByTheirVariant() {
        assertThat(new FaultCase("http-500", 0.25, "SERVER_ERROR", "").variant()).isEqualTo("http-500@0.25");
        assertThat(new FaultCase("rate-limit", 1.0, "RATE_LIMITED", "").variant()).isEqualTo("rate-limit@1.00");
        assertThat(FaultCase.ofVariant("rate-limit@1.00")).contains(new FaultCase("rate-limit", 1.0, "RATE_LIMITED", ""));
        assertThat(FaultCase.ofVariant("stall-mid-stream@0.25")).hasValueSatisfying(c -> assertThat(c.limit()).isEqualTo("idle"));
        assertThat(FaultCase.ofVariant("rate-limit@0.50")).isEmpty();
        assertThat(FaultCase.ofVariant("")).isEmpty();
        assertThat(FaultCase.ALL.get(0).variant()).isEqualTo("none@0.00");
    }

    @Test
    void theAccountingMustBalanceWithEveryTerm() {
        Outcomes o = new Outcomes(20, 10, 3, Map.of("RATE_LIMITED", 4L, "TIMEOUT", 1L), 2, 6);
        assertThat(o.errorCount()).isEqualTo(5);
        assertThat(o.count("RATE_LIMITED")).isEqualTo(4);
        assertThat(o.count("AUTH")).isZero();
        assertThat(o.retries()).isEqualTo(6);
        // one request too many or too few in any term breaks the balance
        assertThatThrownBy(() -> new Outcomes(20, 11, 3, Map.of("RATE_LIMITED", 4L, "TIMEOUT", 1L), 2, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Outcomes(20, 10, 4, Map.of("RATE_LIMITED", 4L, "TIMEOUT", 1L), 2, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Outcomes(20, 10, 3, Map.of("RATE_LIMITED", 4L, "TIMEOUT", 1L), 3, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Outcomes(20, 10, 3, Map.of("RATE_LIMITED", 5L, "TIMEOUT", 1L), 2, 0)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new Outcomes(20, 10, 3, Map.of("RATE_LIMITED", 4L, "TIMEOUT", 1L), 1, 0)).isInstanceOf(IllegalStateException.class);
        // messages must account for their class's count
        assertThatThrownBy(() -> new Outcomes(5, 4, 0, Map.of("TIMEOUT", 1L), 0, 0,
                Map.of("TIMEOUT", List.of(new ErrorMessage("slow", 2))))).isInstanceOf(IllegalStateException.class);
        Outcomes m = new Outcomes(5, 4, 0, Map.of("TIMEOUT", 1L), 0, 0, Map.of("TIMEOUT", List.of(new ErrorMessage("slow", 1))));
        assertThat(m.messages("TIMEOUT")).containsExactly(new ErrorMessage("slow", 1));
        assertThat(m.messages("AUTH")).isEmpty();
        assertThat(new Outcomes(0, 0, 0, Map.of(), 0, 0, null).messages()).isEmpty();
    }

    @Test
    void aCellWithoutOptionalPartsHasEmptyOnes() {
        CellKey key = new CellKey("openai", "ref", "okhttp-h2", 4, "", 0);
        Outcomes o = new Outcomes(2, 2, 0, Map.of(), 0, 0);
        Percentiles ttft = new Percentiles(2, 1, 2, 2, 2, 2, 1.5);
        CellMeasurement bare = new CellMeasurement(1.0, Double.NaN, o, null, Map.of(Metric.TTFT, ttft), null, null, null, null,
                Double.NaN, -1, null, null);
        CellResult c = CellResult.of(key, bare, null, "x.hlog", null);
        assertThat(c.measured().protocols()).isEmpty();
        assertThat(c.measured().adjusted()).isEmpty();
        assertThat(c.measured().soak()).isEmpty();
        assertThat(c.measured().tokens()).isEqualTo(Tokens.NONE);
        assertThat(c.measured().steady()).isEqualTo(SteadyState.empty());
        assertThat(c.measured().batch()).isEqualTo(Batch.NONE);
        assertThat(c.latency(Metric.TTFT)).isEqualTo(ttft);
        assertThat(c.latency(Metric.E2E)).isSameAs(Percentiles.EMPTY);
        assertThat(c.measured().adjusted(Metric.E2E)).isSameAs(Percentiles.EMPTY);
        assertThat(c.derived().outputTokPerSec()).isNaN();
        CellMeasurement fuller = new CellMeasurement(1.0, Double.NaN, o, new Tokens(20, 10, 0, 0, 1), Map.of(), Map.of(Metric.E2E, ttft),
                null, null, null, Double.NaN, -1, Map.of("h2", 2L), List.of(new SoakSample(1, 2, 3, 4, 5, 6, 7)));
        CellResult full = CellResult.of(key, fuller, null, "x.hlog", null);
        assertThat(full.measured().protocols()).containsEntry("h2", 2L);
        assertThat(full.measured().adjusted(Metric.E2E)).isEqualTo(ttft);
        assertThat(full.measured().soak()).hasSize(1);
        assertThat(ttft.mean()).isCloseTo(1.5, within(1e-12));
    }

    @Test
    void aWindowOfMostlyFailuresHeldNoLoad() {
        SteadyState wall = new SteadyState(1.0, 4, 400, 10.0, 0.5, 100, 0); // 4 ok among 100 completions: 429s at once
        assertThat(wall.present()).isFalse();
        assertThat(wall.outputTokPerSec()).isNaN();
        assertThat(wall.cpuMsPer1kTokens()).isNaN();
        assertThat(wall.achievedRate()).as("what the target took is still known").isEqualTo(100.0);
        assertThat(new SteadyState(1.0, 50, 5000, 10.0, 0.5, 100, 0).present()).as("half ok").isTrue();
        assertThat(new SteadyState(1.0, 49, 4900, 10.0, 0.5, 100, 0).present()).isFalse();
    }
}

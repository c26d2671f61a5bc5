package dev.llmbench.bench.model;

import dev.llmbench.bench.model.RequestRecord.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The derived figures of one record follow bench/README.md's metric table, from its own timestamps. */
class RequestRecordTest {
    private static final long T = -5_000_000_000L; // nanoTime may be negative: only 0 means unknown

    private static RequestRecord ok(long outputTokens, long first, long last) {
        return new RequestRecord("id", false, 0, Outcome.OK, null, 3, outputTokens, false,
                0, T, T + 500_000, T + 700_000, first, last, T + 90_000_000, T + 90_100_000);
    }

    @Test
    void eachFigureStartsWhereItsMetricStarts() {
        RequestRecord r = ok(4, T + 10_500_000, T + 40_500_000);
        assertThat(r.queueMs()).isEqualTo(0.5);
        assertThat(r.ttfbMs()).isEqualTo(0.2);
        assertThat(r.ttftMs()).as("from the send").isEqualTo(10.0);
        assertThat(r.ttftSubmitMs()).as("from the submit").isEqualTo(10.5);
        assertThat(r.e2eMs()).isEqualTo(89.5);
        assertThat(r.e2eSubmitMs()).isEqualTo(90.0);
        assertThat(r.tpotMs()).as("first to last token over 3 gaps, not to the end").isEqualTo(10.0);
        assertThat(r.errorMs()).as("ok: no ERROR figure").isNaN();
        assertThat(r.failed()).isFalse();
        assertThat(r.phase()).isEqualTo("measured");
    }

    @Test
    void tpotIsTruncatedToWholeNanosecondsAsTheHistogramRecordsIt() {
        RequestRecord r = ok(4, T + 10_000_000, T + 10_000_010); // 10 ns over 3 gaps
        assertThat(r.tpotMs()).isEqualTo(3 / 1e6);
    }

    @Test
    void anUnknownMomentGivesNaNNotZero() {
        assertThat(ok(1, T + 10_000_000, T + 10_000_000).tpotMs()).as("one token: no TPOT").isNaN();
        assertThat(ok(5, 0, 0).tpotMs()).isNaN();
        assertThat(ok(5, 0, 0).ttftMs()).isNaN();
        RequestRecord noSend = new RequestRecord("id", true, 2, Outcome.ERROR, "TIMEOUT", 0, 0, false,
                0, T, 0, 0, 0, 0, 0, T + 2_000_000);
        assertThat(noSend.queueMs()).isNaN();
        assertThat(noSend.e2eMs()).isNaN();
        assertThat(noSend.e2eSubmitMs()).isNaN();
        assertThat(noSend.errorMs()).isEqualTo(2.0);
        assertThat(noSend.failed()).isTrue();
        assertThat(noSend.phase()).isEqualTo("warmup");
    }

    @Test
    void anErrorClassGoesWithTheErrorOutcomeOnly() {
        assertThatThrownBy(() -> new RequestRecord("id", false, 0, Outcome.ERROR, null, 0, 0, false, 0, T, 0, 0, 0, 0, 0, T))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestRecord("id", false, 0, Outcome.CANCELLED, "TIMEOUT", 0, 0, false, 0, T, 0, 0, 0, 0, 0, T))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestRecord("id", false, -1, Outcome.OK, null, 0, 0, false, 0, T, 0, 0, 0, 0, 0, T))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Outcome.ofWire("cache_hit")).isEqualTo(Outcome.CACHE_HIT);
        assertThatThrownBy(() -> Outcome.ofWire("fine")).isInstanceOf(IllegalArgumentException.class);
    }
}

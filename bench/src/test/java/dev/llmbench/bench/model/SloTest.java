package dev.llmbench.bench.model;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SloTest {
    private static final long MS = 1_000_000;

    @Test
    void parsesAnySubsetInAnyOrderWithUnits() {
        Slo s = Slo.parse("e2e<=10s, ttft <= 800ms,tpot<=40.5ms");
        assertThat(s.ttftMillis()).isEqualTo(800);
        assertThat(s.tpotMillis()).isEqualTo(40.5);
        assertThat(s.e2eMillis()).isEqualTo(10_000);
        Slo only = Slo.parse("ttft<=1s");
        assertThat(only.ttftMillis()).isEqualTo(1000);
        assertThat(only.tpotMillis()).isNaN();
        assertThat(only.e2eMillis()).isNaN();
    }

    @Test
    void itsTextReadsBackEqual() {
        Slo s = Slo.parse("tpot<=40.5ms,e2e<=10s,ttft<=800ms");
        assertThat(s.toString()).isEqualTo("ttft<=800ms,tpot<=40.5ms,e2e<=10000ms");
        assertThat(Slo.parse(s.toString())).isEqualTo(s);
    }

    @Test
    void badTextNamesTheTermAndTheValidForms() {
        assertThatThrownBy(() -> Slo.parse("ttft<800ms")).hasMessageContaining("'ttft<800ms'").hasMessageContaining("e2e<=T");
        assertThatThrownBy(() -> Slo.parse("itl<=5ms")).hasMessageContaining("itl<=5ms");
        assertThatThrownBy(() -> Slo.parse("ttft<=5min")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Slo.parse("ttft<=1s,ttft<=2s")).hasMessageContaining("twice");
        assertThatThrownBy(() -> Slo.parse(" , ")).hasMessageContaining("at least one");
        assertThatThrownBy(() -> Slo.parse("ttft<=0ms")).hasMessageContaining("> 0");
    }

    @Test
    void aRequestMeetsItWhenEveryGivenThresholdHoldsInclusive() {
        Slo s = Slo.parse("ttft<=100ms,tpot<=10ms,e2e<=1s");
        assertThat(s.met(100 * MS, 10 * MS, 1000 * MS)).isTrue();
        assertThat(s.met(100 * MS + 1, 10 * MS, 1000 * MS)).isFalse();
        assertThat(s.met(100 * MS, 10 * MS + 1, 1000 * MS)).isFalse();
        assertThat(s.met(100 * MS, 10 * MS, 1000 * MS + 1)).isFalse();
    }

    @Test
    void aOneTokenAnswerHoldsTpotButAnUnknownTtftOrE2eMisses() {
        Slo s = Slo.parse("ttft<=100ms,tpot<=10ms,e2e<=1s");
        assertThat(s.met(50 * MS, -1, 60 * MS)).as("no second token: TPOT holds").isTrue();
        assertThat(s.met(-1, 5 * MS, 60 * MS)).isFalse();
        assertThat(s.met(50 * MS, 5 * MS, -1)).isFalse();
        assertThat(Slo.parse("tpot<=10ms").met(-1, 5 * MS, -1)).as("thresholds not given are not checked").isTrue();
    }
}

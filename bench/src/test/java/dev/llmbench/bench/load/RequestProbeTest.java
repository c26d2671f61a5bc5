package dev.llmbench.bench.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestProbeTest {

    @Test
    void theServersFirstTokenTimeIsTheLastStampBeforeTheFirstToken() {
        RequestProbe p = new RequestProbe(3, 0, 0);
        p.onComment("sim-t-us=120", 1);           // role-only opening event
        p.onComment("sim-t-us=5400", 2);          // first content event
        p.onToken("Hi", false, 3);
        p.onComment("sim-t-us=9000", 4);
        p.onToken(" there", false, 5);
        p.onComment("sim-truth ttft-us=5300 queue-us=12 output-tokens=2 events=4", 6);
        p.onComment("sim-t-us=9100", 7);          // terminal event

        assertThat(p.firstTokenServerMicros()).isEqualTo(5400);
        assertThat(p.lastServerMicros()).isEqualTo(9100);
        assertThat(p.truthTtftMicros()).isEqualTo(5300);
        assertThat(p.truthQueueMicros()).isEqualTo(12);
        assertThat(p.truthOutputTokens()).isEqualTo(2);
        assertThat(p.slot).isEqualTo(3);
    }

    @Test
    void withoutGroundTruthEverythingIsUnknown() {
        RequestProbe p = new RequestProbe(-1, 0, 0);
        p.onComment("keep-alive", 1);
        p.onToken("Hi", false, 2);

        assertThat(p.firstTokenServerMicros()).isEqualTo(-1);
        assertThat(p.lastServerMicros()).isEqualTo(-1);
        assertThat(p.truthTtftMicros()).isEqualTo(-1);
    }

    @Test
    void fieldParsingRejectsGarbage() {
        assertThat(RequestProbe.field("a=1 b=22 c=x", "b=")).isEqualTo(22);
        assertThat(RequestProbe.field("a=1 b=22 c=x", "c=")).isEqualTo(-1);
        assertThat(RequestProbe.field("ab=1", "b=")).isEqualTo(-1);
        assertThat(RequestProbe.parseLong("sim-t-us=42 \r", 9, 13)).isEqualTo(42);
    }
}

package dev.llmbench.bench.load;

import dev.llmbench.bench.model.Percentiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RequestProbeTest {

    @Test
    void theServersFirstTokenTimeIsTheLastStampBeforeTheFirstToken() {
        RequestProbe p = new RequestProbe(3, 0, 0, null);
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
    void itlAndTpotAreComparedWithTheServersOwnStampsOfTheSameEvents(@TempDir Path dir) throws Exception {
        CellRecorder recorder = new CellRecorder();
        RequestProbe p = new RequestProbe(-1, 0, 0, recorder);
        // server: tokens at 10 000, 20 000, 30 000 µs; client: at 50 ms, 61 ms (+1 ms late), 70 ms (-1 ms early)
        p.onComment("sim-t-us=10000", 0);
        p.onToken("a", false, 50_000_000);
        p.onComment("sim-t-us=20000", 0);
        p.onToken("b", false, 61_000_000);
        p.onComment("sim-t-us=30000", 0);
        p.onToken("c", false, 70_000_000);
        p.recordTpotOverhead(recorder, 3); // client (70 - 50) / 2 = 10 ms, server (30 - 10) / 2 = 10 ms
        Map<OverheadKind, Percentiles> o = recorder.finish(dir.resolve("p.hlog"), 0, 1, 0).overhead();

        // gaps 11 ms vs 10 ms and 9 ms vs 10 ms: |diff| 1 ms each
        assertThat(o.get(OverheadKind.ITL).count()).isEqualTo(2);
        assertThat(o.get(OverheadKind.ITL).max()).isCloseTo(1.0, within(0.01));
        assertThat(o.get(OverheadKind.ITL).p50()).isCloseTo(1.0, within(0.01));
        assertThat(o.get(OverheadKind.TPOT).count()).isEqualTo(1);
        assertThat(o.get(OverheadKind.TPOT).max()).isCloseTo(0.0, within(0.01));
    }

    @Test
    void aTpotThatDiffersFromTheServersIsItsDifferencePerToken(@TempDir Path dir) throws Exception {
        CellRecorder recorder = new CellRecorder();
        RequestProbe p = new RequestProbe(-1, 0, 0, recorder);
        p.onComment("sim-t-us=0", 0);
        p.onToken("a", false, 1_000_000);
        p.onComment("sim-t-us=40000", 0);
        p.onToken("b", false, 49_000_000); // the client saw the last token 8 ms later than the server's gap
        p.recordTpotOverhead(recorder, 5);  // 5 tokens in 2 events: per token (48 - 40) / 4 = 2 ms
        Map<OverheadKind, Percentiles> o = recorder.finish(dir.resolve("p.hlog"), 0, 1, 0).overhead();

        assertThat(o.get(OverheadKind.TPOT).max()).isCloseTo(2.0, within(0.01));
        assertThat(o.get(OverheadKind.ITL).max()).isCloseTo(8.0, within(0.01));
    }

    @Test
    void theTtftOverheadSplitsIntoItsLegsOnTheSharedClock(@TempDir Path dir) throws Exception {
        CellRecorder recorder = new CellRecorder();
        RequestProbe p = new RequestProbe(-1, 0, 0, recorder);
        // client sends at 1 000 000 ns; the server has it all at 1 300 000 ns and writes the first token 5 000 µs later
        p.onComment("sim-t-us=5000", 0);
        p.onToken("a", false, 6_500_000);
        p.onComment("sim-truth ttft-us=5000 queue-us=0 output-tokens=1 events=1 recv-mono-ns=1300000", 0);
        p.recordLegs(recorder, 1_000_000, 6_500_000);
        // and a probe whose server is on another clock records nothing
        RequestProbe far = new RequestProbe(-1, 0, 0, recorder);
        far.onComment("sim-t-us=5000", 0);
        far.onToken("a", false, 6_500_000);
        far.onComment("sim-truth ttft-us=5000 queue-us=0 output-tokens=1 events=1 recv-mono-ns=900000000000000", 0);
        far.recordLegs(recorder, 1_000_000, 6_500_000);
        Map<OverheadKind, Percentiles> o = recorder.finish(dir.resolve("p.hlog"), 0, 1, 0).overhead();

        assertThat(p.truthReceivedNanos()).isEqualTo(1_300_000);
        assertThat(o.get(OverheadKind.REQUEST).count()).isEqualTo(1);
        assertThat(o.get(OverheadKind.REQUEST).max()).isCloseTo(0.3, within(0.002));  // 1.3 ms - 1.0 ms
        assertThat(o.get(OverheadKind.RESPONSE).max()).isCloseTo(0.2, within(0.002)); // 6.5 ms - (1.3 + 5.0) ms
    }

    @Test
    void withoutGroundTruthEverythingIsUnknown() {
        RequestProbe p = new RequestProbe(-1, 0, 0, null);
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

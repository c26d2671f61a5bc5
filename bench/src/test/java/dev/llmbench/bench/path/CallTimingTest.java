package dev.llmbench.bench.path;

import dev.llmbench.client.StreamTiming;
import dev.llmbench.client.internal.MutableStreamTiming;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bench's own timing of the library paths records exactly what the reference client records: the same calls give the
 * same figures (the client's recorder is internal, so this is the one place bench reads it, in a test).
 */
class CallTimingTest {

    @Test
    void theSameMomentsGiveTheSameFiguresAsTheReferenceClient() {
        SplittableRandom random = new SplittableRandom(11);
        for (int run = 0; run < 200; run++) {
            CallTiming bench = new CallTiming();
            MutableStreamTiming client = new MutableStreamTiming();
            long now = 1 + random.nextInt(1_000);
            boolean sent = random.nextInt(10) != 0;
            if (sent) { bench.markSend(now); client.markSend(now); }
            int steps = random.nextInt(300);
            for (int i = 0; i < steps; i++) {
                now += random.nextInt(50);
                switch (random.nextInt(4)) {
                    case 0 -> { bench.markHeaders(now); client.markHeaders(now); }
                    case 1 -> { bench.markEvent(now); client.markEvent(now); }
                    default -> {
                        boolean thought = random.nextBoolean();
                        bench.markToken(now, thought);
                        client.markToken(now, thought);
                    }
                }
            }
            if (random.nextBoolean()) { bench.markEnd(now + 1); client.markEnd(now + 1); }
            assertSame(bench, client);
        }
    }

    private static void assertSame(StreamTiming a, StreamTiming b) {
        assertThat(a.sendNanos()).isEqualTo(b.sendNanos());
        assertThat(a.headersNanos()).isEqualTo(b.headersNanos());
        assertThat(a.firstEventNanos()).isEqualTo(b.firstEventNanos());
        assertThat(a.firstTokenNanos()).isEqualTo(b.firstTokenNanos());
        assertThat(a.firstAnswerNanos()).isEqualTo(b.firstAnswerNanos());
        assertThat(a.endNanos()).isEqualTo(b.endNanos());
        assertThat(a.events()).isEqualTo(b.events());
        assertThat(a.tokenEvents()).isEqualTo(b.tokenEvents());
        for (int i = 0; i < a.tokenEvents(); i++) assertThat(a.tokenEventNanos(i)).isEqualTo(b.tokenEventNanos(i));
        assertThatThrownBy(() -> a.tokenEventNanos(a.tokenEvents())).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(a.ttfbNanos()).isEqualTo(b.ttfbNanos());
        assertThat(a.ttftNanos()).isEqualTo(b.ttftNanos());
        assertThat(a.ttfaNanos()).isEqualTo(b.ttfaNanos());
        assertThat(a.e2eNanos()).isEqualTo(b.e2eNanos());
    }
}

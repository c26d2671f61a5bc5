package dev.llmbench.client.internal;

import dev.llmbench.client.StreamTiming;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The timestamps behind TTFB, TTFT, TTFA, E2E and the token gaps, from hand-made nanoTimes. */
class StreamTimingValuesTest {

    @Test
    void spansAreMeasuredFromTheSend() {
        MutableStreamTiming t = new MutableStreamTiming();
        t.markSend(1_000);
        t.markHeaders(1_300);
        t.markHeaders(1_350); // only the first headers count
        t.markEvent(1_400);   // a role-only delta: an event, not a token
        t.markToken(1_500, true);  // thinking
        t.markToken(1_700, false); // the first answer token
        t.markToken(1_750, false);
        t.markEvent(1_800);
        t.markEnd(2_000);

        assertThat(t.sendNanos()).isEqualTo(1_000);
        assertThat(t.headersNanos()).isEqualTo(1_300);
        assertThat(t.firstEventNanos()).isEqualTo(1_400);
        assertThat(t.firstTokenNanos()).isEqualTo(1_500);
        assertThat(t.firstAnswerNanos()).isEqualTo(1_700);
        assertThat(t.endNanos()).isEqualTo(2_000);
        assertThat(t.ttfbNanos()).isEqualTo(300);
        assertThat(t.ttftNanos()).isEqualTo(500);
        assertThat(t.ttfaNanos()).isEqualTo(700);
        assertThat(t.e2eNanos()).isEqualTo(1_000);
        assertThat(t.events()).isEqualTo(2);
        assertThat(t.tokenEvents()).isEqualTo(3);
        assertThat(t.tokenEventNanos(0)).isEqualTo(1_500);
        assertThat(t.tokenEventNanos(1)).isEqualTo(1_700);
        assertThat(t.tokenEventNanos(2)).isEqualTo(1_750);
    }

    @Test
    void momentsThatNeverHappenedAreMinusOne() {
        MutableStreamTiming t = new MutableStreamTiming();
        t.markSend(5);
        assertThat(t.ttfbNanos()).isEqualTo(-1);
        assertThat(t.ttftNanos()).isEqualTo(-1);
        assertThat(t.ttfaNanos()).isEqualTo(-1);
        assertThat(t.e2eNanos()).isEqualTo(-1);
        assertThat(t.firstEventNanos()).isZero();

        MutableStreamTiming unsent = new MutableStreamTiming();
        unsent.markEnd(10);
        assertThat(unsent.e2eNanos()).as("no send: no span").isEqualTo(-1);

        MutableStreamTiming thinkingOnly = new MutableStreamTiming();
        thinkingOnly.markSend(100);
        thinkingOnly.markToken(150, true);
        assertThat(thinkingOnly.ttftNanos()).isEqualTo(50);
        assertThat(thinkingOnly.ttfaNanos()).as("no answer token").isEqualTo(-1);
    }

    @Test
    void keepsEveryTokenTimestampPastTheInitialCapacity() {
        MutableStreamTiming t = new MutableStreamTiming();
        t.markSend(1);
        int n = 1_000;
        for (int i = 0; i < n; i++) t.markToken(10 + 3L * i, false);
        assertThat(t.tokenEvents()).isEqualTo(n);
        for (int i = 0; i < n; i++) assertThat(t.tokenEventNanos(i)).isEqualTo(10 + 3L * i);
        assertThat(t.ttftNanos()).isEqualTo(9);
        assertThatThrownBy(() -> t.tokenEventNanos(n)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> t.tokenEventNanos(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}

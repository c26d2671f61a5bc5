package dev.llmbench.client.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The timestamps the client records and the spans StreamTiming derives from them. */
class MutableStreamTimingTest {

    @Test
    void nothingHappenedReadsAsZeroAndSpansAsMinusOne() {
        MutableStreamTiming t = new MutableStreamTiming();
        assertThat(t.sendNanos()).isZero();
        assertThat(t.events()).isZero();
        assertThat(t.tokenEvents()).isZero();
        assertThat(t.ttfbNanos()).isEqualTo(-1);
        assertThat(t.ttftNanos()).isEqualTo(-1);
        assertThat(t.ttfaNanos()).isEqualTo(-1);
        assertThat(t.e2eNanos()).isEqualTo(-1);
        t.markHeaders(5);
        assertThat(t.ttfbNanos()).as("no send: unknown").isEqualTo(-1);
        assertThatThrownBy(() -> t.tokenEventNanos(0)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void firstMomentsStickAndTokensAreKeptInOrder() {
        MutableStreamTiming t = new MutableStreamTiming();
        t.markSend(100);
        t.markHeaders(110);
        t.markHeaders(115);
        t.markEvent(120);
        t.markEvent(125);
        t.markToken(130, true);
        t.markEvent(140);
        t.markToken(140, false);
        for (int i = 0; i < 200; i++) t.markToken(150 + i, false); // past the initial capacity
        t.markEnd(400);
        assertThat(t.headersNanos()).isEqualTo(110);
        assertThat(t.firstEventNanos()).isEqualTo(120);
        assertThat(t.events()).isEqualTo(3);
        assertThat(t.firstTokenNanos()).isEqualTo(130);
        assertThat(t.firstAnswerNanos()).isEqualTo(140);
        assertThat(t.tokenEvents()).isEqualTo(202);
        assertThat(t.tokenEventNanos(0)).isEqualTo(130);
        assertThat(t.tokenEventNanos(1)).isEqualTo(140);
        assertThat(t.tokenEventNanos(201)).isEqualTo(349);
        assertThatThrownBy(() -> t.tokenEventNanos(202)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> t.tokenEventNanos(-1)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThat(t.ttfbNanos()).isEqualTo(10);
        assertThat(t.ttftNanos()).isEqualTo(30);
        assertThat(t.ttfaNanos()).isEqualTo(40);
        assertThat(t.e2eNanos()).isEqualTo(300);
    }
}

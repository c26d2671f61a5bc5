package dev.llmbench.client.internal.transport;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StreamSlotsTest {
    @Test
    void aRefusedRequestIsSentAgainOnlyOnceAnotherStreamEnded() {
        StreamSlots slots = new StreamSlots(10);
        List<String> started = new ArrayList<>();
        slots.submit(() -> started.add("a"));
        slots.submit(() -> started.add("b"));
        // "b" was refused: its slot is freed, but a slot free at once is no sign the server freed one
        slots.release();
        slots.resubmit(() -> started.add("b again"));
        assertThat(started).containsExactly("a", "b");
        slots.release(); // "a" ended
        assertThat(started).containsExactly("a", "b", "b again");
        assertThat(slots.inFlight()).isEqualTo(1);
    }

    @Test
    void aRefusedRequestWithNothingElseInFlightIsSentAgainAtOnce() {
        StreamSlots slots = new StreamSlots(10);
        List<String> started = new ArrayList<>();
        slots.submit(() -> started.add("a"));
        slots.release(); // refused
        slots.resubmit(() -> started.add("a again"));
        assertThat(started).containsExactly("a", "a again");
        assertThat(slots.inFlight()).isEqualTo(1);
    }
}

package dev.llmbench.client.limit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AimdLimitTest {

    @Test
    void startsAtTheCeilingAndHalvesOnEach429DownToTheFloor() {
        AimdLimit limit = AimdLimit.defaults();
        assertThat(limit.limit()).isEqualTo(32);
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            limit.onSample(System.nanoTime(), 32, Outcome.DROPPED);
            seen.add(limit.limit());
        }
        assertThat(seen).containsExactly(16, 8, 4, 4, 4, 4);
    }

    @Test
    void growsByOnePerSuccessWhileTheWindowIsInUseUpToTheCeiling() {
        AimdLimit limit = AimdLimit.builder().min(4).max(10).initial(4).build();
        limit.onSample(0, 4, Outcome.SUCCESS);
        assertThat(limit.limit()).isEqualTo(5);
        for (int i = 0; i < 20; i++) limit.onSample(0, limit.limit(), Outcome.SUCCESS);
        assertThat(limit.limit()).isEqualTo(10);
    }

    @Test
    void doesNotGrowWhenTheWindowIsMostlyIdle() {
        AimdLimit limit = AimdLimit.builder().min(4).max(32).initial(16).build();
        for (int i = 0; i < 50; i++) limit.onSample(0, 3, Outcome.SUCCESS); // 3 in flight of 16
        assertThat(limit.limit()).isEqualTo(16);
        limit.onSample(0, 8, Outcome.SUCCESS); // half the window in use counts as in use
        assertThat(limit.limit()).isEqualTo(17);
    }

    @Test
    void recoversAfterA429StormWithSuccesses() {
        AimdLimit limit = AimdLimit.defaults();
        for (int i = 0; i < 64; i++) limit.onSample(0, 32, Outcome.DROPPED);
        assertThat(limit.limit()).isEqualTo(4);
        int steps = 0;
        while (limit.limit() < 32 && steps < 1000) {
            limit.onSample(0, limit.limit(), Outcome.SUCCESS);
            steps++;
        }
        assertThat(limit.limit()).isEqualTo(32);
        assertThat(steps).isEqualTo(28);
    }

    @Test
    void ignoredOutcomesLeaveTheWindowAlone() {
        AimdLimit limit = AimdLimit.defaults();
        limit.onSample(0, 32, Outcome.IGNORED);
        assertThat(limit.limit()).isEqualTo(32);
    }

    @Test
    void decreaseOncePerWindowIgnoresDropsFromRequestsSentBeforeTheLastDecrease() {
        AimdLimit limit = AimdLimit.builder().decreaseOncePerWindow(true).build();
        long sentEarlier = System.nanoTime();
        for (int i = 0; i < 10; i++) limit.onSample(sentEarlier, 32, Outcome.DROPPED);
        assertThat(limit.limit()).isEqualTo(16);
        limit.onSample(System.nanoTime(), 16, Outcome.DROPPED); // sent after the decrease: a new overload
        assertThat(limit.limit()).isEqualTo(8);
    }

    @Test
    void listenersSeeEachChange() {
        AimdLimit limit = AimdLimit.builder().max(8).build();
        List<String> changes = new ArrayList<>();
        limit.addListener((o, n) -> changes.add(o + "->" + n));
        limit.onSample(0, 8, Outcome.DROPPED);
        limit.onSample(0, 4, Outcome.SUCCESS);
        limit.onSample(0, 8, Outcome.IGNORED);
        assertThat(changes).containsExactly("8->4", "4->5");
    }

    @Test
    void rejectsInconsistentBounds() {
        assertThatThrownBy(() -> AimdLimit.builder().min(10).max(5).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AimdLimit.builder().max(8).initial(9).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AimdLimit.builder().backoffRatio(1.0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fixedLimitNeverMoves() {
        FixedLimit limit = new FixedLimit(7);
        limit.onSample(0, 7, Outcome.DROPPED);
        limit.onSample(0, 7, Outcome.SUCCESS);
        assertThat(limit.limit()).isEqualTo(7);
        assertThatThrownBy(() -> new FixedLimit(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void outcomeClassifiesProviderPushBackAsDrops() {
        assertThat(Outcome.of(null)).isEqualTo(Outcome.SUCCESS);
        assertThat(Outcome.of(new dev.llmbench.client.LlmException.RateLimited("429", 429, null, null, null))).isEqualTo(Outcome.DROPPED);
        assertThat(Outcome.of(new java.util.concurrent.CompletionException(
                new dev.llmbench.client.LlmException.Overloaded("529", 529, null, null)))).isEqualTo(Outcome.DROPPED);
        assertThat(Outcome.of(new dev.llmbench.client.LlmException.Timeout(
                dev.llmbench.client.LlmException.Timeout.Phase.FIRST_BYTE, java.time.Duration.ofSeconds(1)))).isEqualTo(Outcome.DROPPED);
        assertThat(Outcome.of(new dev.llmbench.client.LlmException.BadRequest("400", 400, null))).isEqualTo(Outcome.IGNORED);
        assertThat(Outcome.of(new dev.llmbench.client.LlmException.Cancelled())).isEqualTo(Outcome.IGNORED);
        assertThat(Outcome.of(new IllegalStateException())).isEqualTo(Outcome.IGNORED);
    }
}

package dev.llmbench.simulator.provider;

import io.netty.channel.DefaultEventLoop;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Unit tests of the admission pieces, on a virtual clock. */
class LimitsAndSlotsTest {

    @Test
    void requestBucketRefillsContinuously() {
        long t0 = 1_000_000_000L;
        KeyLimits k = new KeyLimits(60, 0, 0, t0);
        for (int i = 0; i < 60; i++) assertThat(k.admit(1, t0).allowed()).isTrue();
        Admission refused = k.admit(1, t0);
        assertThat(refused.denied()).isEqualTo(Admission.Limit.REQUESTS);
        assertThat(refused.retryAfterMillis()).isEqualTo(1000);
        // 60 rpm = one per second.
        assertThat(k.admit(1, t0 + 999_000_000L).allowed()).isFalse();
        assertThat(k.admit(1, t0 + 2_000_000_000L).allowed()).isTrue();
    }

    @Test
    void tokenBucketAndConcurrency() {
        long t0 = 0;
        KeyLimits k = new KeyLimits(0, 1000, 2, t0);
        Admission a = k.admit(400, t0);
        assertThat(a.allowed()).isTrue();
        assertThat(a.tokensRemaining()).isEqualTo(600);
        assertThat(a.tokensResetMillis()).isEqualTo(24_000);
        assertThat(k.admit(700, t0).denied()).isEqualTo(Admission.Limit.TOKENS);
        assertThat(k.admit(100, t0).allowed()).isTrue();
        assertThat(k.admit(100, t0).denied()).isEqualTo(Admission.Limit.CONCURRENCY);
        k.release();
        assertThat(k.admit(100, t0).allowed()).isTrue();
        // Larger than the whole bucket: never admissible.
        assertThat(new KeyLimits(0, 1000, 0, 0).admit(5000, 0).retryAfterMillis()).isEqualTo(60_000);
    }

    @Test
    void slotPoolQueuesInOrderOnTheWaitersLoop() throws Exception {
        DefaultEventLoop loop = new DefaultEventLoop();
        try {
            SlotPool pool = new SlotPool(1);
            List<Integer> granted = new ArrayList<>();
            CountDownLatch done = new CountDownLatch(3);
            loop.submit(() -> {
                for (int i = 0; i < 3; i++) {
                    int id = i;
                    pool.acquire(loop, () -> { granted.add(id); done.countDown(); });
                }
            }).sync();
            assertThat(pool.waiting()).isEqualTo(2);
            loop.submit(pool::release).sync();
            loop.submit(pool::release).sync();
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            loop.submit(() -> { }).sync();
            assertThat(granted).containsExactly(0, 1, 2);
            loop.submit(pool::release).sync();
            assertThat(pool.idle()).isTrue();
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    @Test
    void prefixCacheMatchesWholeBlocksFromMinTokens() {
        PrefixCache cache = new PrefixCache(128, 1024, 1000);
        byte[] prompt = new byte[4 * 1500];
        for (int i = 0; i < prompt.length; i++) prompt[i] = (byte) ('a' + i % 26);
        assertThat(cache.lookupAndStore("m", prompt, 1500)).isZero();
        assertThat(cache.lookupAndStore("m", prompt, 1500)).isEqualTo(11 * 128);
        assertThat(cache.lookupAndStore("other-model", prompt, 1500)).isZero();
        byte[] changedEarly = prompt.clone();
        changedEarly[10] = 'Z';
        assertThat(cache.lookupAndStore("m", changedEarly, 1500)).isZero();
        byte[] changedLate = prompt.clone();
        changedLate[4 * 1300] = 'Z';
        assertThat(cache.lookupAndStore("m", changedLate, 1500)).isEqualTo(10 * 128);
    }

    @Test
    void durationsInProviderSpelling() {
        assertThat(Durations.goStyle(644)).isEqualTo("644ms");
        assertThat(Durations.goStyle(1500)).isEqualTo("1.5s");
        assertThat(Durations.goStyle(2000)).isEqualTo("2s");
        assertThat(Durations.goStyle(360_000)).isEqualTo("6m0s");
        assertThat(Durations.ceilSeconds(1)).isEqualTo(1);
        assertThat(Durations.ceilSeconds(1001)).isEqualTo(2);
        assertThat(TokenCount.ofUtf8Bytes(0)).isEqualTo(1);
        assertThat(TokenCount.ofUtf8Bytes(9)).isEqualTo(3);
    }
}

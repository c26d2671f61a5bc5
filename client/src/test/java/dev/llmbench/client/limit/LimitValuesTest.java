package dev.llmbench.client.limit;

import dev.llmbench.client.LlmException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Exact values of the limiter, the AIMD window, the key ring and the window recorder, one rule per test. */
class LimitValuesTest {

    /** A fixed window that records every sample fed to it and can be grown from outside. */
    static final class RecordingLimit implements Limit {
        final List<Outcome> samples = new ArrayList<>();
        final List<LimitListener> listeners = new ArrayList<>();
        int limit;

        RecordingLimit(int limit) { this.limit = limit; }

        @Override public int limit() { return limit; }
        @Override public synchronized void onSample(long startNanos, int inFlight, Outcome outcome) { samples.add(outcome); }
        @Override public void addListener(LimitListener l) { listeners.add(l); }

        void grow(int to) {
            int old = limit;
            limit = to;
            for (LimitListener l : listeners) l.onLimitChange(old, to);
        }
    }

    // ---- Limiter ----

    @Test
    void eachPermitKnowsTheInFlightCountAtItsGrantAndItsStart() {
        Limiter limiter = Limiter.fixed(3);
        long before = System.nanoTime();
        Limiter.Permit a = limiter.acquire().join();
        Limiter.Permit b = limiter.tryAcquire().orElseThrow();
        assertThat(a.inFlightAtStart()).isEqualTo(1);
        assertThat(b.inFlightAtStart()).isEqualTo(2);
        assertThat(a.startNanos()).isBetween(before, System.nanoTime());
        assertThat(a.isReleased()).isFalse();
        assertThat(a.release((Throwable) null)).isTrue();
        assertThat(a.isReleased()).isTrue();
        assertThat(a.release(new IllegalStateException())).as("released once only").isFalse();
        Limiter.Permit c = limiter.acquire().join();
        assertThat(c.inFlightAtStart()).isEqualTo(2);
        assertThat(limiter.limitAlgorithm()).isInstanceOf(FixedLimit.class);
        assertThat(limiter.snapshot()).extracting(Limiter.Window::limit, Limiter.Window::inFlight, Limiter.Window::waiting)
                .containsExactly(3, 2, 0);
    }

    @Test
    void aWindowGrownFromOutsideServesTheQueue() {
        RecordingLimit limit = new RecordingLimit(1);
        Limiter limiter = new Limiter(limit);
        Limiter.Permit held = limiter.acquire().join();
        CompletableFuture<Limiter.Permit> queued = limiter.acquire();
        assertThat(queued).isNotDone();
        limit.grow(2); // no release: only the window listener can start the waiter
        assertThat(queued).isDone();
        assertThat(queued.join().inFlightAtStart()).isEqualTo(2);
        held.release(Outcome.SUCCESS);
        assertThat(limit.samples).containsExactly(Outcome.SUCCESS);
    }

    @Test
    void releasingFeedsTheClassifiedOutcome() {
        RecordingLimit limit = new RecordingLimit(4);
        Limiter limiter = new Limiter(limit);
        limiter.acquire().join().release(new LlmException.RateLimited("429", 429, null, null, null));
        limiter.acquire().join().release(new CompletionException(new LlmException.BadRequest("400", 400, null)));
        limiter.acquire().join().release((Throwable) null);
        assertThat(limit.samples).containsExactly(Outcome.DROPPED, Outcome.IGNORED, Outcome.SUCCESS);
    }

    // ---- Outcome ----

    @Test
    void outcomesUnwrapEveryWrapper() {
        LlmException rl = new LlmException.RateLimited("429", 429, null, null, null);
        assertThat(Outcome.of(new ExecutionException(rl))).isEqualTo(Outcome.DROPPED);
        assertThat(Outcome.of(new CompletionException(new ExecutionException(rl)))).isEqualTo(Outcome.DROPPED);
        assertThat(Outcome.of(new CompletionException(null, null))).isEqualTo(Outcome.IGNORED);
        assertThat(Outcome.of(new ExecutionException(null))).isEqualTo(Outcome.IGNORED);
    }

    // ---- AimdLimit ----

    @Test
    void aDropAtTheFloorChangesNothingAndTellsNobody() {
        AimdLimit limit = AimdLimit.builder().min(4).max(8).initial(4).decreaseOncePerWindow(true).build();
        List<String> changes = new ArrayList<>();
        limit.addListener((o, n) -> changes.add(o + "->" + n));
        limit.onSample(System.nanoTime(), 4, Outcome.DROPPED);
        assertThat(limit.limit()).isEqualTo(4);
        assertThat(changes).isEmpty();
        // no decrease happened, so a drop sent before this one still counts: the window grows and halves again
        long sentEarly = System.nanoTime();
        for (int i = 0; i < 4; i++) limit.onSample(0, 8, Outcome.SUCCESS);
        assertThat(limit.limit()).isEqualTo(8);
        limit.onSample(sentEarly, 8, Outcome.DROPPED);
        assertThat(limit.limit()).isEqualTo(4);
        assertThat(changes).containsExactly("4->5", "5->6", "6->7", "7->8", "8->4");
    }

    @Test
    void theBackoffRatioSetsTheDecrease() {
        AimdLimit limit = AimdLimit.builder().min(1).max(10).backoffRatio(0.75).build();
        limit.onSample(0, 10, Outcome.DROPPED);
        assertThat(limit.limit()).isEqualTo(7); // (int) (10 * 0.75)
        limit.onSample(0, 7, Outcome.DROPPED);
        assertThat(limit.limit()).isEqualTo(5); // (int) 5.25
        assertThat(limit.min()).isEqualTo(1);
        assertThat(limit.max()).isEqualTo(10);
        assertThat(AimdLimit.defaults().min()).isEqualTo(4);
        assertThat(AimdLimit.defaults().max()).isEqualTo(32);
        assertThat(Limiter.aimd(2).limitAlgorithm()).isInstanceOfSatisfying(AimdLimit.class, a -> {
            assertThat(a.min()).isEqualTo(2);
            assertThat(a.max()).isEqualTo(2);
        });
    }

    @Test
    void builderBoundsAreInclusive() {
        assertThat(AimdLimit.builder().min(1).max(1).initial(1).build().limit()).isEqualTo(1);
        assertThat(AimdLimit.builder().min(3).max(9).initial(3).build().limit()).isEqualTo(3);
        assertThat(AimdLimit.builder().min(3).max(9).initial(9).build().limit()).isEqualTo(9);
        AimdLimit.builder().backoffRatio(0.001).build();
        AimdLimit.builder().backoffRatio(0.999).build();
        assertThatThrownBy(() -> AimdLimit.builder().min(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AimdLimit.builder().max(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AimdLimit.builder().initial(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AimdLimit.builder().backoffRatio(0.0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AimdLimit.builder().backoffRatio(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AimdLimit.builder().min(3).max(9).initial(2).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AimdLimit.builder().min(3).max(9).initial(10).build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AimdLimit.builder().min(4).max(3).build()).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- KeyRing ----

    @Test
    void aKeyWithRoomIsTakenWhenTheKeyWhoseTurnItIsIsFull() {
        KeyRing ring = KeyRing.of(List.of("k0", "k1"), () -> new FixedLimit(1));
        assertThat(ring.size()).isEqualTo(2);
        assertThat(ring.windows()).isEqualTo(2);
        KeyRing.Lease first = ring.acquire().join(); // turn 0
        KeyRing.Lease second = ring.acquire().join(); // turn 1
        assertThat(first.keyIndex()).isEqualTo(0);
        assertThat(second.keyIndex()).isEqualTo(1);
        assertThat(second.apiKey()).isEqualTo("k1");
        assertThat(second.permit().inFlightAtStart()).isEqualTo(1);
        assertThat(second.release(Outcome.SUCCESS)).isTrue();
        assertThat(second.release(Outcome.SUCCESS)).isFalse();
        CompletableFuture<KeyRing.Lease> third = ring.acquire(); // turn 0 again, but key 0 is full
        assertThat(third).isDone();
        assertThat(third.join().keyIndex()).isEqualTo(1);
        assertThat(third.join().release((Throwable) null)).isTrue();
        assertThat(third.join().release((Throwable) null)).isFalse();
        assertThat(ring.toString()).isEqualTo("KeyRing[2 keys redacted, windows=#0 1/1, #1 0/1]");
    }

    @Test
    void aCancelledQueuedLeaseNeverTakesAPermit() {
        List<RecordingLimit> limits = new ArrayList<>();
        KeyRing ring = KeyRing.of(List.of("k"), () -> {
            RecordingLimit l = new RecordingLimit(1);
            limits.add(l);
            return l;
        });
        KeyRing.Lease held = ring.acquire().join();
        CompletableFuture<KeyRing.Lease> queued = ring.acquire();
        assertThat(queued.cancel(true)).isTrue();
        held.release(Outcome.SUCCESS);
        // a waiter left in the limiter would take the freed permit and give it back as IGNORED
        assertThat(limits.get(0).samples).containsExactly(Outcome.SUCCESS);
        assertThat(ring.limiter(0).inFlight()).isZero();

        KeyRing.Lease again = ring.acquire().join();
        CompletableFuture<KeyRing.Lease> served = ring.acquire();
        again.release(Outcome.SUCCESS);
        assertThat(served).isDone();
        assertThat(served.cancel(true)).as("a served lease cannot be cancelled").isFalse();
        assertThat(served.join().keyIndex()).isZero();
    }

    // ---- WindowRecorder ----

    @Test
    void theRecorderGrowsPastItsInitialArraysUpToItsCapacity() {
        WindowRecorder r = new WindowRecorder(150);
        for (int i = 0; i < 200; i++) r.onWindow(i, i % 7, i % 5);
        assertThat(r.size()).isEqualTo(150);
        assertThat(r.dropped()).isEqualTo(50);
        List<Limiter.Window> points = r.points();
        assertThat(points).hasSize(150);
        for (int i = 0; i < 150; i++) assertThat(points.get(i)).isEqualTo(new Limiter.Window(i, i % 7, i % 5, 0));
        assertThat(new WindowRecorder(1).size()).isZero();
        assertThatThrownBy(() -> new WindowRecorder(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

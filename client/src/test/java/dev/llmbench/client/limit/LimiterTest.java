package dev.llmbench.client.limit;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class LimiterTest {

    @Test
    void grantsUpToTheLimitThenQueuesWithoutBlocking() {
        Limiter limiter = Limiter.fixed(2);
        CompletableFuture<Limiter.Permit> a = limiter.acquire();
        CompletableFuture<Limiter.Permit> b = limiter.acquire();
        CompletableFuture<Limiter.Permit> c = limiter.acquire();
        assertThat(a).isDone();
        assertThat(b).isDone();
        assertThat(c).isNotDone();
        assertThat(limiter.tryAcquire()).isEmpty();
        assertThat(limiter.inFlight()).isEqualTo(2);
        assertThat(limiter.waiting()).isEqualTo(1);

        assertThat(a.join().release(Outcome.SUCCESS)).isTrue();
        assertThat(c).isDone();
        assertThat(limiter.inFlight()).isEqualTo(2);
        assertThat(limiter.waiting()).isZero();
        assertThat(a.join().release(Outcome.SUCCESS)).as("second release is ignored").isFalse();
        assertThat(limiter.inFlight()).isEqualTo(2);
    }

    @Test
    void waitersAreServedInOrder() {
        Limiter limiter = Limiter.fixed(1);
        Limiter.Permit first = limiter.acquire().join();
        List<Integer> order = new ArrayList<>();
        List<CompletableFuture<Limiter.Permit>> queued = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int n = i;
            CompletableFuture<Limiter.Permit> f = limiter.acquire();
            f.thenAccept(p -> order.add(n));
            queued.add(f);
        }
        first.release(Outcome.SUCCESS);
        for (CompletableFuture<Limiter.Permit> f : queued) f.join().release(Outcome.SUCCESS);
        assertThat(order).containsExactly(0, 1, 2, 3, 4);
        assertThat(limiter.inFlight()).isZero();
    }

    @Test
    void aCancelledWaiterDoesNotKeepAPermit() {
        Limiter limiter = Limiter.fixed(1);
        Limiter.Permit held = limiter.acquire().join();
        CompletableFuture<Limiter.Permit> cancelled = limiter.acquire();
        CompletableFuture<Limiter.Permit> next = limiter.acquire();
        cancelled.cancel(false);
        held.release(Outcome.SUCCESS);
        assertThat(next).isDone();
        assertThat(limiter.inFlight()).isEqualTo(1);
        next.join().release(Outcome.SUCCESS);
        assertThat(limiter.inFlight()).isZero();
        assertThat(limiter.waiting()).isZero();
    }

    @Test
    void dropsShrinkTheWindowSoQueuedRequestsWait() {
        Limiter limiter = new Limiter(AimdLimit.builder().min(2).max(8).build());
        List<Limiter.Permit> held = new ArrayList<>();
        for (int i = 0; i < 8; i++) held.add(limiter.acquire().join());
        CompletableFuture<Limiter.Permit> queued = limiter.acquire();
        held.remove(0).release(Outcome.DROPPED); // window 8 -> 4 with 7 still in flight
        assertThat(limiter.limit()).isEqualTo(4);
        assertThat(queued).isNotDone();
        for (int i = 0; i < 3; i++) held.remove(0).release(Outcome.IGNORED);
        assertThat(queued).as("4 in flight = window").isNotDone();
        held.remove(0).release(Outcome.IGNORED);
        assertThat(queued).isDone();
    }

    @Test
    void windowGrowthReleasesWaiters() {
        Limiter limiter = new Limiter(AimdLimit.builder().min(1).max(4).initial(1).build());
        Limiter.Permit p = limiter.acquire().join();
        CompletableFuture<Limiter.Permit> q1 = limiter.acquire();
        CompletableFuture<Limiter.Permit> q2 = limiter.acquire();
        p.release(Outcome.SUCCESS); // window 1 -> 2: both waiters fit
        assertThat(limiter.limit()).isEqualTo(2);
        assertThat(q1).isDone();
        assertThat(q2).isDone();
    }

    @Test
    void recorderKeepsTheWindowSeries() {
        Limiter limiter = new Limiter(AimdLimit.builder().min(4).max(8).build());
        WindowRecorder recorder = new WindowRecorder(100);
        limiter.addListener(recorder);
        Limiter.Permit p = limiter.acquire().join();
        p.release(Outcome.DROPPED);
        recorder.sample(limiter);
        assertThat(recorder.points()).extracting(Limiter.Window::limit).containsExactly(4, 4);
        assertThat(recorder.points().get(0).nanoTime()).isLessThanOrEqualTo(recorder.points().get(1).nanoTime());
        WindowRecorder tiny = new WindowRecorder(1);
        tiny.onWindow(1, 2, 3);
        tiny.onWindow(2, 2, 3);
        assertThat(tiny.size()).isEqualTo(1);
        assertThat(tiny.dropped()).isEqualTo(1);
    }

    /**
     * The bound, checked where a racy limiter would break it: the limiter's own in-flight count (read by every holder
     * while it holds its permit, and by a watcher thread all along) and every permit's {@code inFlightAtStart}, plus
     * the test's count of permits granted and not yet released (raised on the grant, lowered just before the release,
     * so it never over-counts). Permits are held across a short spin, half of them across the holder's next acquire
     * (released by whichever thread polls them next), and a quarter of the acquires go through {@code tryAcquire}, so
     * grants race on the fast paths too. Checked against a limiter whose reserve was check-then-increment
     * ({@code if (inFlight.get() < limit) inFlight.incrementAndGet()}): it fails this test on every run.
     */
    @Test
    void neverExceedsAFixedLimitUnderContention() throws Exception {
        int limit = 5;
        for (int round = 0; round < 4; round++) {
            Limiter limiter = Limiter.fixed(limit);
            Contention c = contend(limiter, 8, 3000);
            assertThat(c.failure.get()).isNull();
            assertThat(c.maxInFlight.get()).as("the limiter's in-flight count, round %d", round).isLessThanOrEqualTo(limit);
            assertThat(c.maxAtStart.get()).as("in flight at a grant, by the limiter").isLessThanOrEqualTo(limit);
            assertThat(c.maxHeld.get()).as("permits held at once, by the test").isLessThanOrEqualTo(limit);
            assertThat(c.maxHeld.get()).as("the load really contended for the window").isEqualTo(limit);
            assertThat(c.completed.get()).isEqualTo(8 * 3000);
            assertThat(c.held.get()).isZero();
            assertThat(limiter.inFlight()).isZero();
            assertThat(limiter.waiting()).isZero();
        }
    }

    private static final class Contention {
        final AtomicInteger held = new AtomicInteger();
        final AtomicInteger maxHeld = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final AtomicInteger maxAtStart = new AtomicInteger();
        final AtomicInteger completed = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        void granted(Limiter limiter, Limiter.Permit p) {
            maxHeld.accumulateAndGet(held.incrementAndGet(), Math::max);
            maxAtStart.accumulateAndGet(p.inFlightAtStart(), Math::max);
            maxInFlight.accumulateAndGet(limiter.inFlight(), Math::max);
            completed.incrementAndGet();
        }

        void release(Limiter limiter, Limiter.Permit p) {
            maxInFlight.accumulateAndGet(limiter.inFlight(), Math::max);
            held.decrementAndGet();
            p.release(Outcome.SUCCESS);
        }
    }

    private static Contention contend(Limiter limiter, int threads, int perThread) throws Exception {
        Contention c = new Contention();
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        ConcurrentLinkedQueue<Limiter.Permit> handoff = new ConcurrentLinkedQueue<>();
        CountDownLatch done = new CountDownLatch(threads);
        CyclicBarrier go = new CyclicBarrier(threads);
        try {
            pool.execute(() -> { // the watcher
                while (done.getCount() > 0) c.maxInFlight.accumulateAndGet(limiter.inFlight(), Math::max);
            });
            for (int t = 0; t < threads; t++) {
                pool.execute(() -> {
                    try {
                        go.await(10, TimeUnit.SECONDS);
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        for (int i = 0; i < perThread; i++) {
                            CompletableFuture<Limiter.Permit> f;
                            if (random.nextInt(4) == 0) {
                                Optional<Limiter.Permit> now = limiter.tryAcquire();
                                if (now.isEmpty()) { i--; Thread.yield(); continue; }
                                f = CompletableFuture.completedFuture(now.get());
                            } else {
                                f = limiter.acquire();
                            }
                            f.thenAccept(p -> {
                                c.granted(limiter, p);
                                spin(ThreadLocalRandom.current().nextInt(500));
                                if (ThreadLocalRandom.current().nextBoolean()) c.release(limiter, p);
                                else handoff.add(p); // held across this thread's next acquire
                            });
                            Limiter.Permit other = handoff.poll();
                            if (other != null) c.release(limiter, other);
                            if (!f.isDone()) f.get(10, TimeUnit.SECONDS);
                        }
                    } catch (Throwable e) {
                        c.failure.compareAndSet(null, e);
                    } finally {
                        done.countDown();
                    }
                });
            }
            assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
            Limiter.Permit p;
            while ((p = handoff.poll()) != null) c.release(limiter, p);
        } finally {
            pool.shutdownNow();
        }
        return c;
    }

    private static void spin(int iterations) {
        for (int i = 0; i < iterations; i++) Thread.onSpinWait();
    }

    @Test
    void aimdStaysConsistentUnderContentionWithRandomOutcomes() throws Exception {
        Limiter limiter = Limiter.aimd(32);
        int threads = 8;
        int perThread = 2000;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        AtomicInteger granted = new AtomicInteger();
        List<CompletableFuture<Void>> all = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                all.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < perThread; i++) {
                        Limiter.Permit p = limiter.acquire().join();
                        granted.incrementAndGet();
                        int r = ThreadLocalRandom.current().nextInt(10);
                        p.release(r == 0 ? Outcome.DROPPED : r == 1 ? Outcome.IGNORED : Outcome.SUCCESS);
                    }
                }, pool));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
        assertThat(granted.get()).isEqualTo(threads * perThread);
        assertThat(limiter.inFlight()).isZero();
        assertThat(limiter.waiting()).isZero();
        assertThat(limiter.limit()).isBetween(4, 32);
    }
}

package dev.llmbench.client.internal;

import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.Provider;
import dev.llmbench.client.Usage;
import dev.llmbench.client.cache.CacheKey;
import dev.llmbench.client.cache.CacheStats;
import dev.llmbench.client.cache.ResponseCache;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CacheWriterTest {
    /** A cache whose writes wait for a latch: a disk slower than the responses. */
    static final class SlowCache implements ResponseCache {
        final CountDownLatch open = new CountDownLatch(1);
        final AtomicInteger puts = new AtomicInteger();

        @Override public Optional<ChatResponse> get(CacheKey key) { return Optional.empty(); }

        @Override
        public boolean put(CacheKey key, ChatResponse response) {
            try {
                open.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            puts.incrementAndGet();
            return true;
        }

        @Override public CacheStats stats() { return ResponseCache.none().stats(); }
        @Override public void close() { }
    }

    private static ChatResponse response() {
        MutableStreamTiming t = new MutableStreamTiming();
        t.markSend(1);
        t.markEnd(2);
        return new ChatResponse(Provider.OPENAI, "gpt-4.1-nano", "x", "", "stop", new Usage(1, 0, 1, 0, true), t, "h2", false);
    }

    @Test
    void writesBeyondTheQueueAreDroppedAndCountedNeverWaitedFor() {
        SlowCache cache = new SlowCache();
        CacheWriter writer = new CacheWriter(cache);
        CacheKey key = CacheKey.of(ChatRequest.of("gpt-4.1-nano", "hi"), Provider.OPENAI);
        int n = 1100;
        for (int i = 0; i < n; i++) writer.store(key, response());
        // One write is running (blocked), 1,024 wait in the queue, the rest are dropped.
        assertThat(writer.dropped()).isBetween((long) n - 1025, (long) n - 1024);
        assertThat(cache.puts.get()).as("no write finished: store did not wait for one").isZero();
        cache.open.countDown();
        writer.close();
        assertThat(cache.puts.get() + writer.dropped()).isEqualTo(n);
        writer.store(key, response());
        assertThat(cache.puts.get() + writer.dropped()).as("a write after close is not stored").isEqualTo(n);
    }

    /**
     * Regression test of 5cc893b: a store() that passed its {@code closed} check just before close() ran went on to
     * start the writer thread after close, and nothing ever shut it down. The second half of that interleaving is
     * executor() running after close(): it must refuse instead of starting a thread (before the fix it started one).
     */
    @Test
    void noWriterThreadStartsAfterClose() {
        SlowCache cache = new SlowCache();
        cache.open.countDown();
        CacheWriter writer = new CacheWriter(cache);
        long before = writerThreads();
        writer.close();
        assertThatThrownBy(writer::executor).isInstanceOf(RejectedExecutionException.class);
        writer.store(CacheKey.of(ChatRequest.of("gpt-4.1-nano", "hi"), Provider.OPENAI), response());
        assertThat(writerThreads()).as("writer threads started after close").isEqualTo(before);
        assertThat(cache.puts.get()).isZero();
    }

    private static long writerThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("llmbench-cache-writer")).count();
    }
}

package dev.llmbench.client;

import dev.llmbench.client.cache.ShardedSqliteCache;
import dev.llmbench.simulator.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The response cache wired into the client: a stored request completes at once, flagged, without being sent. */
class ClientCacheTest {

    @Test
    void aRepeatedRequestIsAHitAndADifferentOneIsNot(@TempDir Path dir) throws Exception {
        try (Simulator sim = Simulator.builder().defaultProfile("zero").start();
             ShardedSqliteCache cache = ShardedSqliteCache.builder().directory(dir).shards(2).build();
             LlmClient client = SimulatorFixture.builder(sim, Simulator.Listener.HTTP, "zero").cache(cache).build()) {
            ChatRequest req = ChatRequest.of("gpt-4.1-nano", "cache me").withMaxTokens(5);
            ChatResponse first = client.stream(req, StreamListener.NONE).get(10, TimeUnit.SECONDS);
            assertThat(first.cacheHit()).isFalse();
            for (int i = 0; i < 200 && cache.stats().stores() == 0; i++) Thread.sleep(25); // stored in the background
            assertThat(cache.stats().stores()).isEqualTo(1);

            AtomicInteger completions = new AtomicInteger();
            ChatResponse second = client.stream(req, new StreamListener() {
                @Override public void onComplete(ChatResponse r) { completions.incrementAndGet(); }
            }).get(10, TimeUnit.SECONDS);
            assertThat(second.cacheHit()).isTrue();
            assertThat(second.text()).isEqualTo(first.text());
            assertThat(second.usage().outputTokens()).isEqualTo(first.usage().outputTokens());
            assertThat(second.timing().sendNanos()).as("nothing was sent").isZero();
            assertThat(completions).hasValue(1);

            ChatResponse other = client.stream(req.withMaxTokens(6), StreamListener.NONE).get(10, TimeUnit.SECONDS);
            assertThat(other.cacheHit()).isFalse();
            assertThat(cache.stats().hits()).isEqualTo(1);
        }
    }

    @Test
    void anUnusableCacheDirectorySaysSoOnceAndEveryRequestStillGoesThrough(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("cache"), "x"); // a regular file: unusable for root too
        List<String> warnings = new CopyOnWriteArrayList<>();
        try (Simulator sim = Simulator.builder().defaultProfile("zero").start();
             ShardedSqliteCache cache = ShardedSqliteCache.builder().directory(file).listener((m, e) -> warnings.add(m)).build();
             LlmClient client = SimulatorFixture.builder(sim, Simulator.Listener.HTTP, "zero").cache(cache).build()) {
            ChatRequest req = ChatRequest.of("gpt-4.1-nano", "cache me").withMaxTokens(5);
            for (int i = 0; i < 3; i++) {
                ChatResponse r = client.stream(req, StreamListener.NONE).get(10, TimeUnit.SECONDS);
                assertThat(r.cacheHit()).isFalse();
                assertThat(r.text()).isNotEmpty();
            }
            assertThat(cache.isEnabled()).isFalse();
            assertThat(cache.stats().hits()).isZero();
        }
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).startsWith("response cache disabled").contains(file.toString());
    }
}

package dev.llmbench.client.limit;

import dev.llmbench.client.Provider;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyRingTest {

    @Test
    void readsSeveralKeysFromTheEnvironment() {
        assertThat(KeyRing.keysFromEnv(Provider.OPENAI, Map.of("OPENAI_API_KEYS", "k1, k2,,k1", "OPENAI_API_KEY", "solo")))
                .containsExactly("k1", "k2");
        assertThat(KeyRing.keysFromEnv(Provider.OPENAI, Map.of("OPENAI_API_KEY", "a,b"))).containsExactly("a", "b");
        assertThat(KeyRing.keysFromEnv(Provider.ANTHROPIC, Map.of("ANTHROPIC_API_KEY", "x"))).containsExactly("x");
        assertThat(KeyRing.keysFromEnv(Provider.GEMINI, Map.of())).isEmpty();
        assertThatThrownBy(() -> KeyRing.of(List.of(" "), () -> new FixedLimit(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rotatesRoundRobin() {
        KeyRing ring = KeyRing.of(List.of("key-a", "key-b", "key-c"), () -> new FixedLimit(10));
        List<String> used = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            KeyRing.Lease lease = ring.acquire().join();
            used.add(lease.apiKey());
            lease.release(Outcome.SUCCESS);
        }
        assertThat(used).containsExactly("key-a", "key-b", "key-c", "key-a", "key-b", "key-c");
    }

    @Test
    void nKeysGiveNWindows() {
        KeyRing ring = KeyRing.of(List.of("k1", "k2", "k3"), () -> new FixedLimit(2));
        List<KeyRing.Lease> leases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            CompletableFuture<KeyRing.Lease> f = ring.acquire();
            assertThat(f).isDone();
            leases.add(f.join());
        }
        assertThat(ring.totalLimit()).isEqualTo(6);
        CompletableFuture<KeyRing.Lease> seventh = ring.acquire();
        assertThat(seventh).isNotDone();
        // Six acquires moved the round robin back to key 0: the seventh queued there, and freeing key 0 serves it.
        int queuedOn = 0;
        KeyRing.Lease freed = leases.stream().filter(l -> l.keyIndex() == queuedOn).findFirst().orElseThrow();
        freed.release(Outcome.SUCCESS);
        assertThat(seventh).isDone();
        assertThat(seventh.join().keyIndex()).isEqualTo(queuedOn);
    }

    @Test
    void a429ShrinksOnlyThatKeysWindow() {
        KeyRing ring = KeyRing.of(List.of("k1", "k2"), () -> AimdLimit.builder().min(4).max(16).build());
        KeyRing.Lease first = ring.acquire().join();
        first.release(Outcome.DROPPED);
        assertThat(ring.limiter(first.keyIndex()).limit()).isEqualTo(8);
        assertThat(ring.limiter(1 - first.keyIndex()).limit()).isEqualTo(16);
    }

    @Test
    void neverShowsKeys() {
        KeyRing ring = KeyRing.of(List.of("sk-secret-one", "sk-secret-two"), () -> new FixedLimit(1));
        KeyRing.Lease lease = ring.acquire().join();
        assertThat(ring.toString()).doesNotContain("sk-secret").contains("2 keys redacted");
        assertThat(lease.toString()).doesNotContain("sk-secret");
    }

    @Test
    void cancellingAQueuedLeaseGivesItsTurnAway() {
        for (List<String> keys : List.of(List.of("k"), List.of("k1", "k2"))) {
            KeyRing ring = KeyRing.of(keys, () -> new FixedLimit(1));
            List<KeyRing.Lease> held = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) held.add(ring.acquire().join());
            CompletableFuture<KeyRing.Lease> cancelled = ring.acquire();
            assertThat(cancelled.cancel(true)).isTrue();
            held.forEach(l -> l.release(Outcome.SUCCESS));
            assertThat(ring.totalLimit()).isEqualTo(keys.size());
            for (int i = 0; i < keys.size(); i++) assertThat(ring.limiter(i).inFlight()).as("no permit stranded on key %d", i).isZero();
        }
    }

    @Test
    void aRingWithoutKeysHasOneWindowAndNoKey() {
        KeyRing ring = KeyRing.ofPossiblyNone(List.of(), () -> new FixedLimit(2));
        assertThat(ring.size()).isZero();
        assertThat(ring.windows()).isEqualTo(1);
        KeyRing.Lease l = ring.acquire().join();
        assertThat(l.apiKey()).isNull();
        assertThat(l.release(Outcome.SUCCESS)).isTrue();
    }
}

package dev.llmbench.client.cache;

import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.ChatResponse;
import dev.llmbench.client.LlmClient;
import dev.llmbench.client.Provider;
import dev.llmbench.client.StreamListener;
import dev.llmbench.simulator.Simulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** A response fetched with a recognisable key and cached: neither the cache key nor any cache file contains the key. */
class CacheSecretsTest {
    private static final String KEY = "sk-FAKE-cachekey-5c4b3a291807";

    @Test
    void theKeyIsInNoCacheFile(@TempDir Path dir) throws Exception {
        try (Simulator sim = Simulator.builder().defaultProfile("zero").set("zero.output.mean", "8").start();
             LlmClient client = LlmClient.builder().env(Map.of()).apiKey(Provider.OPENAI, KEY)
                     .baseUrl(Provider.OPENAI, sim.baseUrl(Simulator.Listener.HTTP, "zero", "v1")).build();
             ShardedSqliteCache cache = ShardedSqliteCache.builder().directory(dir).shards(2).build()) {
            for (int i = 0; i < 6; i++) {
                ChatRequest r = ChatRequest.of("gpt-4.1-nano", "prompt " + i).withMaxTokens(8);
                ChatResponse response = client.stream(r, StreamListener.NONE).join();
                CacheKey key = CacheKey.of(r, Provider.OPENAI);
                assertThat(new String(key.bytes(), StandardCharsets.ISO_8859_1)).doesNotContain(KEY);
                assertThat(cache.put(key, response)).isTrue();
            }
        }
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        assertThat(files).anyMatch(f -> f.getFileName().toString().endsWith(".db"));
        for (Path f : files) {
            assertThat(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)).as(f.toString())
                    .doesNotContain(KEY).doesNotContain("cachekey-5c4b3a291807");
        }
    }
}

package dev.llmbench.bench.jmh;

import dev.llmbench.bench.load.Prompts;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.Provider;
import dev.llmbench.client.cache.CacheKey;
import org.bouncycastle.crypto.digests.Blake2bDigest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;

/**
 * The response-cache key: canonical JSON (sorted keys) of the request, then SHA-256, as {@link CacheKey#of} does it
 * (the lessons' {@code sha256(json.dumps(sort_keys=True))}), split into its two steps and compared with BLAKE2b-256
 * (BouncyCastle) over the same bytes.
 *
 * <p>Why: the lessons note "blake2b would be faster but irrelevant next to API latency"; this puts a number on both
 * halves. {@code promptTokens} is the system prompt's size (≈4 characters per token): 40 (a short prompt), 3,000
 * (the sweeps' long prompt), 30,000 (a long context). Scores are in microseconds per key.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CacheKeyBenchmark {
    private static final String ENDPOINT = "https://api.openai.com/v1";

    @Param({"40", "3000", "30000"})
    public int promptTokens;

    private ChatRequest request;
    private byte[] canonical;

    @Setup
    public void setup() {
        request = Prompts.request("gpt-4.1-nano", Prompts.longSystem(promptTokens), 7, 256);
        canonical = CacheKey.canonicalJson(request, Provider.OPENAI, ENDPOINT).getBytes(StandardCharsets.UTF_8);
    }

    /** The whole key, as the client computes it per request. */
    @Benchmark
    public CacheKey cacheKey() {
        return CacheKey.of(request, Provider.OPENAI, ENDPOINT);
    }

    /** Step 1 alone: the canonical JSON text. */
    @Benchmark
    public String canonicalJson() {
        return CacheKey.canonicalJson(request, Provider.OPENAI, ENDPOINT);
    }

    /** Step 2 alone: SHA-256 of the canonical bytes (a new MessageDigest each time, as CacheKey does). */
    @Benchmark
    public byte[] sha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256").digest(canonical);
    }

    /** The alternative step 2: BLAKE2b with a 256-bit output over the same bytes. */
    @Benchmark
    public byte[] blake2b256() {
        Blake2bDigest d = new Blake2bDigest(256);
        d.update(canonical, 0, canonical.length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }
}

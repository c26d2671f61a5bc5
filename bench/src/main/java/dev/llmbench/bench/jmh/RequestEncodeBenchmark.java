package dev.llmbench.bench.jmh;

import dev.llmbench.bench.load.Prompts;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.Provider;
import dev.llmbench.client.internal.codec.Codecs;
import dev.llmbench.client.internal.codec.EncodedRequest;
import dev.llmbench.client.internal.codec.ProviderCodec;
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

import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Request JSON encoding per provider: a {@link ChatRequest} to the provider's wire request (path, headers, UTF-8
 * JSON body) with the client's codec, streaming on, as every request the client sends is built.
 *
 * <p>Why: this is the client's fixed per-request CPU before the first byte leaves, and it grows with the prompt.
 * {@code prompt}: {@code short} = the sweeps' ≈40-token system prompt, {@code long} = their ≈3,000-token one
 * ({@link Prompts}), each with the same one-line user message. Score: requests encoded per second; {@code -prof gc}
 * gives bytes allocated per request.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class RequestEncodeBenchmark {

    @Param({"openai", "anthropic", "gemini"})
    public String provider;

    @Param({"short", "long"})
    public String prompt;

    private ProviderCodec codec;
    private ChatRequest request;
    private String model;

    @Setup
    public void setup() {
        Provider p = Provider.valueOf(provider.toUpperCase(Locale.ROOT));
        codec = Codecs.forProvider(p);
        model = switch (p) {
            case ANTHROPIC -> "claude-haiku-4-5";
            case GEMINI -> "gemini-2.5-flash";
            default -> "gpt-4.1-nano";
        };
        request = Prompts.request(model, prompt.equals("long") ? Prompts.LONG_SYSTEM : Prompts.SHORT_SYSTEM, 7, 256);
    }

    @Benchmark
    public EncodedRequest encode() {
        return codec.encode(request, model, true);
    }
}

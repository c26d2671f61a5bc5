package dev.llmbench.bench.jmh;

import dev.llmbench.client.Provider;
import dev.llmbench.client.internal.codec.Codecs;
import dev.llmbench.client.internal.codec.ProviderCodec;
import dev.llmbench.client.internal.codec.StreamDecoder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * SSE decoding per provider format: bytes in, events out, through the same {@code ProviderCodec} stream decoder the
 * client uses (SSE framing, incremental UTF-8, the provider's JSON event reader), into a counting sink.
 *
 * <p>Why: decoding is the client's per-token cost; everything else is per request. The target is at least 2 M
 * OpenAI chunks/s per core. One operation is one SSE event ({@code @OperationsPerInvocation} = the
 * {@value SseBodies#EVENTS} events of a stream), so the score reads directly as events/s per thread, and
 * {@code -prof gc}'s {@code gc.alloc.rate.norm} as bytes allocated per event (the decoder is created per stream, as
 * the client does, so its allocation is amortised over the stream's events).
 *
 * <p>{@code split}: WHOLE = one buffer per event (the common case with a flushed server), TORN = every event cut in
 * two mid-JSON, BYTES = one byte per buffer (the worst case: every line and token crosses a boundary, which
 * exercises the parser's carry-over paths). The timestamps passed are a counter, not {@code System.nanoTime()}, so
 * only the decoder is measured.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class SseDecodeBenchmark {

    @Param({"openai", "anthropic", "gemini"})
    public String format;

    @Param({"WHOLE", "TORN", "BYTES"})
    public String split;

    private ProviderCodec codec;
    private ByteBuffer[] pieces;
    private final CountingSink sink = new CountingSink();
    private long clock;

    @Setup
    public void setup() {
        codec = Codecs.forProvider(Provider.valueOf(format.toUpperCase(Locale.ROOT)));
        List<String> events = SseBodies.events(format);
        pieces = SseBodies.pieces(events, SseBodies.Split.valueOf(split));
        // self-check: the fixture decodes cleanly into exactly EVENTS events, or the score would be of something else
        CountingSink check = new CountingSink();
        decode(check);
        if (check.events != SseBodies.EVENTS || !check.done) {
            throw new IllegalStateException(format + " fixture: " + check.events + " events, done=" + check.done
                    + "; expected " + SseBodies.EVENTS + " and done");
        }
    }

    @Benchmark
    @OperationsPerInvocation(SseBodies.EVENTS)
    public long decodeStream() {
        return decode(sink);
    }

    private long decode(CountingSink s) {
        StreamDecoder d = codec.newStreamDecoder(s);
        for (ByteBuffer p : pieces) {
            p.clear();
            d.feed(p, ++clock);
        }
        d.end(++clock);
        return s.events + s.chars;
    }
}

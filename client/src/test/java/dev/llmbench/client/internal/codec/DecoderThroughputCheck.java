package dev.llmbench.client.internal.codec;

import dev.llmbench.client.Provider;

import java.nio.ByteBuffer;

/**
 * A rough, manual throughput check of the OpenAI stream decoder (the JMH benchmarks in bench/ are the real
 * measurement): decodes a pre-built 134-token stream over and over on one thread and prints the CPU time per event
 * (thread CPU time, so other load on the machine inflates it less than wall time would).
 * Run: {@code java -cp <test classpath> dev.llmbench.client.internal.codec.DecoderThroughputCheck [seconds]}.
 */
public final class DecoderThroughputCheck {
    public static void main(String[] args) {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        byte[] body = StreamFixtures.openAiStream(134);
        int events = 134 + 4; // role, contents, finish, usage, [DONE]
        ProviderCodec codec = Codecs.forProvider(Provider.OPENAI);
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = 0; round < seconds; round++) {
            long cpu0 = mx.getCurrentThreadCpuTime();
            long streams = 0;
            while (mx.getCurrentThreadCpuTime() - cpu0 < 1_000_000_000L) {
                for (int i = 0; i < 50; i++) {
                    StreamDecoder d = codec.newStreamDecoder(StreamFixtures.NO_OP);
                    d.feed(ByteBuffer.wrap(body), 1);
                    d.end(2);
                }
                streams += 50;
            }
            double nsPerEvent = (mx.getCurrentThreadCpuTime() - cpu0) / (double) (streams * events);
            System.out.printf("round %d: %d-byte stream of %d events: %.0f CPU-ns/event = %.2f M events/s per core%n",
                    round, body.length, events, nsPerEvent, 1e3 / nsPerEvent);
        }
    }
}

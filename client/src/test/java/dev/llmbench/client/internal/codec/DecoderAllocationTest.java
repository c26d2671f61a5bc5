package dev.llmbench.client.internal.codec;

import dev.llmbench.client.Provider;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The hot path must not allocate per chunk: decoding a stream 2000 chunks longer may cost only a few bytes more
 * (amortised buffer growth), not one String or parser per chunk (which would be 100+ bytes each).
 */
class DecoderAllocationTest {

    @Test
    void openAiDecodingDoesNotAllocatePerChunk() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "needs HotSpot's allocation counter");
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled());

        byte[] small = StreamFixtures.openAiStream(200);
        byte[] large = StreamFixtures.openAiStream(2200);
        ProviderCodec codec = Codecs.forProvider(Provider.OPENAI);
        for (int i = 0; i < 20; i++) {
            decode(codec, small);
            decode(codec, large);
        }
        long smallBytes = Long.MAX_VALUE;
        long largeBytes = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long t0 = mx.getCurrentThreadAllocatedBytes();
            decode(codec, small);
            long t1 = mx.getCurrentThreadAllocatedBytes();
            decode(codec, large);
            long t2 = mx.getCurrentThreadAllocatedBytes();
            smallBytes = Math.min(smallBytes, t1 - t0);
            largeBytes = Math.min(largeBytes, t2 - t1);
        }
        double perExtraChunk = (largeBytes - smallBytes) / 2000.0;
        assertThat(perExtraChunk).as("bytes allocated per extra chunk (small stream %d B, large %d B)", smallBytes, largeBytes)
                .isLessThan(8.0);
    }

    private static void decode(ProviderCodec codec, byte[] body) {
        StreamDecoder d = codec.newStreamDecoder(StreamFixtures.NO_OP);
        d.feed(ByteBuffer.wrap(body), 1);
        d.end(2);
    }
}

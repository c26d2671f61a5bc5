package dev.llmbench.client.internal;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A byte accumulator for whole (non-streaming or error) bodies, with an upper bound. */
final class GrowableBytes {
    private byte[] bytes = new byte[1024];
    private int size;
    private final int limit;
    private boolean truncated;

    GrowableBytes(int limit) { this.limit = limit; }

    void append(ByteBuffer data) {
        int n = Math.min(data.remaining(), limit - size);
        if (n < data.remaining()) truncated = true;
        if (n <= 0) { data.position(data.limit()); return; }
        if (size + n > bytes.length) bytes = Arrays.copyOf(bytes, Math.min(limit, Math.max(size + n, bytes.length * 2)));
        data.get(bytes, size, n);
        size += n;
        data.position(data.limit());
    }

    byte[] toArray() { return Arrays.copyOf(bytes, size); }

    boolean truncated() { return truncated; }
}

package dev.llmbench.client.internal.sse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An incremental, byte-level server-sent-events parser following the WHATWG event-stream rules: input may be split
 * anywhere (mid-line, between CR and LF, inside a UTF-8 character); lines end in LF, CRLF or CR; a leading BOM is
 * dropped; {@code :} lines are comments; {@code data:} lines are joined with '\n'; one space after the colon is
 * optional; {@code id:}, {@code retry:} and unknown fields are ignored; a blank line dispatches the event (nothing is
 * dispatched when it had no data line).
 *
 * <p>One deliberate deviation: {@link #end} dispatches a final event that was not followed by a blank line (the
 * standard discards it), because a server that closes right after its last {@code data:} line has still sent it.
 *
 * <p>Lines are scanned in place in the caller's array; only a line split across two feeds and the data of the event
 * being built are copied, into buffers that grow once and are reused. No String is made per line or event.
 * Not thread-safe: one stream, one thread at a time.
 */
public final class SseParser {
    /** Default limit on one line or one event's data; beyond it the stream is treated as broken. */
    public static final int DEFAULT_MAX_EVENT_BYTES = 16 << 20;
    private static final int MAX_CACHED_NAMES = 16;
    private static final String DEFAULT_TYPE = "message";
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final SseHandler handler;
    private final int maxEventBytes;
    private Utf8Text commentText; // made on the first comment: most streams have none

    private byte[] partialLine = new byte[256];
    private int partialLineLength;
    private byte[] data = new byte[1024];
    private int dataLength;
    private boolean hasData;
    private String eventType;
    private boolean skipLineFeed;
    private boolean atStart = true;
    private boolean broken;
    private byte[] scratch;

    private final byte[][] cachedNameBytes = new byte[MAX_CACHED_NAMES][];
    private final String[] cachedNames = new String[MAX_CACHED_NAMES];
    private int cachedNameCount;

    public SseParser(SseHandler handler) {
        this(handler, DEFAULT_MAX_EVENT_BYTES);
    }

    public SseParser(SseHandler handler, int maxEventBytes) {
        this.handler = handler;
        this.maxEventBytes = maxEventBytes;
    }

    /** Consumes all remaining bytes of {@code buf} (heap or direct). */
    public void feed(ByteBuffer buf, long nanoTime) {
        if (buf.hasArray()) {
            int start = buf.arrayOffset() + buf.position();
            int length = buf.remaining();
            buf.position(buf.limit());
            feed(buf.array(), start, length, nanoTime);
            return;
        }
        if (scratch == null) scratch = new byte[8192];
        while (buf.hasRemaining()) {
            int n = Math.min(buf.remaining(), scratch.length);
            buf.get(scratch, 0, n);
            feed(scratch, 0, n, nanoTime);
        }
    }

    /** Consumes {@code bytes[offset, offset + length)}. */
    public void feed(byte[] bytes, int offset, int length, long nanoTime) {
        int i = offset;
        int end = offset + length;
        while (i < end && !broken) {
            if (skipLineFeed) {
                skipLineFeed = false;
                if (bytes[i] == '\n') {
                    i++;
                    continue;
                }
            }
            int eol = indexOfLineEnd(bytes, i, end);
            if (eol == end) {
                appendPartialLine(bytes, i, end - i, nanoTime);
                return;
            }
            if (partialLineLength > 0) {
                appendPartialLine(bytes, i, eol - i, nanoTime);
                if (broken) return;
                int n = partialLineLength;
                partialLineLength = 0;
                line(partialLine, 0, n, nanoTime);
            } else {
                line(bytes, i, eol - i, nanoTime);
            }
            skipLineFeed = bytes[eol] == '\r';
            i = eol + 1;
        }
    }

    /** The stream ended: processes an unterminated last line and dispatches a pending event. */
    public void end(long nanoTime) {
        if (broken) return;
        if (partialLineLength > 0) {
            int n = partialLineLength;
            partialLineLength = 0;
            line(partialLine, 0, n, nanoTime);
        }
        dispatch(nanoTime);
    }

    /** The index of the first CR or LF in {@code b[from, to)}, or {@code to}; tests eight bytes per step. */
    static int indexOfLineEnd(byte[] b, int from, int to) {
        int i = from;
        for (; i + Long.BYTES <= to; i += Long.BYTES) {
            long word = (long) LONGS.get(b, i);
            long lf = word ^ 0x0A0A0A0A0A0A0A0AL;
            long cr = word ^ 0x0D0D0D0D0D0D0D0DL;
            // A byte of lf/cr is zero where word has LF/CR; the lowest flagged byte is exact (SWAR zero-byte test).
            long found = ((lf - 0x0101010101010101L) & ~lf | (cr - 0x0101010101010101L) & ~cr) & 0x8080808080808080L;
            if (found != 0) return i + (Long.numberOfTrailingZeros(found) >>> 3);
        }
        for (; i < to; i++) {
            if (b[i] == '\n' || b[i] == '\r') return i;
        }
        return to;
    }

    private void line(byte[] b, int off, int len, long nanoTime) {
        if (atStart) {
            atStart = false;
            if (len >= 3 && b[off] == (byte) 0xEF && b[off + 1] == (byte) 0xBB && b[off + 2] == (byte) 0xBF) {
                off += 3;
                len -= 3;
            }
        }
        if (len == 0) {
            dispatch(nanoTime);
            return;
        }
        int end = off + len;
        if (b[off] == ':') {
            int start = off + 1;
            if (start < end && b[start] == ' ') start++;
            if (commentText == null) commentText = new Utf8Text();
            handler.onComment(commentText.decode(b, start, end - start), nanoTime);
            return;
        }
        int colon = off;
        while (colon < end && b[colon] != ':') colon++;
        int valueStart = colon;
        if (colon < end) {
            valueStart++;
            if (valueStart < end && b[valueStart] == ' ') valueStart++;
        }
        int nameLength = colon - off;
        if (nameLength == 4 && b[off] == 'd' && b[off + 1] == 'a' && b[off + 2] == 't' && b[off + 3] == 'a') {
            appendData(b, valueStart, end - valueStart, nanoTime);
        } else if (nameLength == 5 && b[off] == 'e' && b[off + 1] == 'v' && b[off + 2] == 'e' && b[off + 3] == 'n'
                && b[off + 4] == 't') {
            eventType = end == valueStart ? null : eventName(b, valueStart, end - valueStart);
        }
        // id, retry and unknown fields do not affect what a decoder sees.
    }

    private void dispatch(long nanoTime) {
        String type = eventType == null ? DEFAULT_TYPE : eventType;
        eventType = null;
        if (!hasData) return;
        hasData = false;
        int n = dataLength;
        dataLength = 0;
        handler.onEvent(type, data, 0, n, nanoTime);
    }

    private void appendData(byte[] b, int off, int len, long nanoTime) {
        int separator = hasData ? 1 : 0;
        int needed = dataLength + separator + len;
        if (needed > maxEventBytes) {
            overflow("an SSE event exceeded " + maxEventBytes + " bytes", nanoTime);
            return;
        }
        if (needed > data.length) data = Arrays.copyOf(data, Math.max(needed, Math.min(data.length * 2, maxEventBytes)));
        if (hasData) data[dataLength++] = '\n';
        System.arraycopy(b, off, data, dataLength, len);
        dataLength += len;
        hasData = true;
    }

    private void appendPartialLine(byte[] b, int off, int len, long nanoTime) {
        int needed = partialLineLength + len;
        if (needed > maxEventBytes) {
            overflow("an SSE line exceeded " + maxEventBytes + " bytes", nanoTime);
            return;
        }
        if (needed > partialLine.length) {
            partialLine = Arrays.copyOf(partialLine, Math.max(needed, Math.min(partialLine.length * 2, maxEventBytes)));
        }
        System.arraycopy(b, off, partialLine, partialLineLength, len);
        partialLineLength = needed;
    }

    private void overflow(String reason, long nanoTime) {
        broken = true;
        handler.onOverflow(reason, nanoTime);
    }

    /** The event name as a String, reusing the instance made for the same bytes before. */
    private String eventName(byte[] b, int off, int len) {
        for (int i = 0; i < cachedNameCount; i++) {
            if (Arrays.equals(cachedNameBytes[i], 0, cachedNameBytes[i].length, b, off, off + len)) return cachedNames[i];
        }
        String name = new String(b, off, len, StandardCharsets.UTF_8);
        if (cachedNameCount < MAX_CACHED_NAMES) {
            cachedNameBytes[cachedNameCount] = Arrays.copyOfRange(b, off, off + len);
            cachedNames[cachedNameCount++] = name;
        }
        return name;
    }
}

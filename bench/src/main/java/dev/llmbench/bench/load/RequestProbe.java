package dev.llmbench.bench.load;

import dev.llmbench.client.StreamListener;

/**
 * The listener of one request: reads the simulator's ground-truth comments without allocating. {@code sim-t-us=<µs>}
 * precedes every event, so the last one seen before a token is that token event's server send time: before the first
 * token it is the server's first-token send time, and the last one overall is when the server sent the final event;
 * {@code sim-truth ...} gives the schedule. With a recorder, each gap between two token events is compared with the
 * server's gap as it arrives ({@link OverheadKind#ITL}). Callbacks of one request come from one thread at a time;
 * the driver reads the fields after the request's future completed.
 */
final class RequestProbe implements StreamListener {
    private static final String T_US = "sim-t-us=";
    private static final String TRUTH = "sim-truth ";

    /** Index of the concurrency slot the request ran on (closed loop), or -1. */
    final int slot;
    /** Open loop: when the schedule wanted the request sent (nanoTime); closed loop: 0. */
    final long intendedNanos;
    /** When the caller submitted the request (nanoTime): open loop its intended start, closed loop the hand-over. */
    final long submitNanos;

    /** Where ITL overheads go, or null (warm-up, or no comparison wanted). */
    private final CellRecorder recorder;

    private long lastServerMicros = -1;
    private long firstTokenServerMicros = -1;
    private long lastTokenServerMicros = -1;
    private long firstTokenNanos;
    private long lastTokenNanos;
    private boolean tokenSeen;
    private long truthTtftMicros = -1;
    private long truthQueueMicros = -1;
    private long truthOutputTokens = -1;
    private long truthReceivedNanos = -1;

    RequestProbe(int slot, long intendedNanos, long submitNanos, CellRecorder recorder) {
        this.slot = slot;
        this.intendedNanos = intendedNanos;
        this.submitNanos = submitNanos;
        this.recorder = recorder;
    }

    @Override
    public void onComment(CharSequence c, long nanoTime) {
        if (startsWith(c, T_US)) {
            lastServerMicros = parseLong(c, T_US.length(), c.length());
        } else if (startsWith(c, TRUTH)) {
            truthTtftMicros = field(c, "ttft-us=");
            truthQueueMicros = field(c, "queue-us=");
            truthOutputTokens = field(c, "output-tokens=");
            truthReceivedNanos = field(c, "recv-mono-ns=");
        }
    }

    @Override
    public void onToken(CharSequence text, boolean thought, long nanoTime) {
        if (!tokenSeen) {
            tokenSeen = true;
            firstTokenServerMicros = lastServerMicros;
            firstTokenNanos = nanoTime;
        } else if (recorder != null && lastServerMicros >= 0 && lastTokenServerMicros >= 0) {
            long clientGap = nanoTime - lastTokenNanos;
            long serverGap = (lastServerMicros - lastTokenServerMicros) * 1_000;
            recorder.recordOverhead(OverheadKind.ITL, Math.abs(clientGap - serverGap));
        }
        lastTokenServerMicros = lastServerMicros;
        lastTokenNanos = nanoTime;
    }

    /**
     * Records |measured TPOT - server TPOT| for a finished request of {@code outputTokens} tokens: both from the first
     * to the last token event over {@code outputTokens - 1}. Nothing without ground truth or with fewer than 2 tokens.
     */
    void recordTpotOverhead(CellRecorder to, long outputTokens) {
        if (outputTokens < 2 || firstTokenServerMicros < 0 || lastTokenServerMicros < 0) return;
        long client = (lastTokenNanos - firstTokenNanos) / (outputTokens - 1);
        long server = (lastTokenServerMicros - firstTokenServerMicros) * 1_000 / (outputTokens - 1);
        to.recordOverhead(OverheadKind.TPOT, Math.abs(client - server));
    }

    /** When the first token reached this listener (nanoTime), or 0 if none did; read after completion. */
    long firstTokenNanos() { return firstTokenNanos; }

    /** When the latest token reached this listener (nanoTime), or 0 if none did; read after completion. */
    long lastTokenNanos() { return lastTokenNanos; }

    /** The server's first-token send time, µs after it received the request; -1 without ground truth. */
    long firstTokenServerMicros() { return firstTokenServerMicros; }

    /** When the server sent the last event, µs after it received the request; -1 without ground truth. */
    long lastServerMicros() { return lastServerMicros; }

    long truthTtftMicros() { return truthTtftMicros; }

    long truthQueueMicros() { return truthQueueMicros; }

    long truthOutputTokens() { return truthOutputTokens; }

    /** The server's receipt of the request on the host's monotonic clock (System.nanoTime), or -1. */
    long truthReceivedNanos() { return truthReceivedNanos; }

    /** Ceiling on a plausible leg: beyond it the two clocks are not the same one (another host), and no leg is recorded. */
    private static final long MAX_LEG_NANOS = 60_000_000_000L;

    /**
     * Records the TTFT overhead's two legs when the server gave its receipt on the shared monotonic clock: send to
     * receipt, and the server's first-token write to the client's first token. Nothing when either is implausible
     * (negative beyond 1 ms, or over a minute: not the same clock).
     */
    void recordLegs(CellRecorder to, long sendNanos, long clientFirstTokenNanos) {
        if (truthReceivedNanos < 0 || firstTokenServerMicros < 0 || sendNanos == 0 || clientFirstTokenNanos == 0) return;
        long request = truthReceivedNanos - sendNanos;
        long response = clientFirstTokenNanos - (truthReceivedNanos + firstTokenServerMicros * 1_000);
        if (request < -1_000_000 || response < -1_000_000 || request > MAX_LEG_NANOS || response > MAX_LEG_NANOS) return;
        to.recordOverhead(OverheadKind.REQUEST, request);
        to.recordOverhead(OverheadKind.RESPONSE, response);
    }

    static boolean startsWith(CharSequence s, String prefix) {
        if (s.length() < prefix.length()) return false;
        for (int i = 0; i < prefix.length(); i++) if (s.charAt(i) != prefix.charAt(i)) return false;
        return true;
    }

    /** The number after {@code name} in a space-separated {@code a=1 b=2} line, or -1. */
    static long field(CharSequence s, String name) {
        int n = s.length();
        for (int i = 0; i + name.length() <= n; i++) {
            if ((i == 0 || s.charAt(i - 1) == ' ') && regionMatches(s, i, name)) {
                int from = i + name.length();
                int to = from;
                while (to < n && s.charAt(to) != ' ') to++;
                return parseLong(s, from, to);
            }
        }
        return -1;
    }

    private static boolean regionMatches(CharSequence s, int at, String name) {
        for (int j = 0; j < name.length(); j++) if (s.charAt(at + j) != name.charAt(j)) return false;
        return true;
    }

    /** Non-negative decimal in {@code s[from, to)}, or -1 if there is none. */
    static long parseLong(CharSequence s, int from, int to) {
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) to--;
        if (from >= to) return -1;
        long v = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') return -1;
            v = v * 10 + (ch - '0');
        }
        return v;
    }
}

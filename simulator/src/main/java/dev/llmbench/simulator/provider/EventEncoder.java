package dev.llmbench.simulator.provider;

import dev.llmbench.simulator.profile.FaultKind;
import io.netty.buffer.ByteBuf;

/**
 * Writes one streamed response's events into ByteBufs from byte templates built once per request: per event only
 * byte copies and digit writes. One instance per response, used on its event loop only.
 */
abstract class EventEncoder {
    private static final byte[] T_US = Ascii.bytes(": sim-t-us=");

    protected final Completion completion;
    private final boolean groundTruth;
    private final byte[] eol;
    /** Microseconds since the request was received, stamped on the next ground-truth comment. */
    long nowMicros;

    EventEncoder(Completion completion, boolean groundTruth, String eol) {
        this.completion = completion;
        this.groundTruth = groundTruth;
        this.eol = Ascii.bytes(eol);
    }

    /** Called before each event: the ground-truth time comment when asked for. */
    protected final void beginEvent(ByteBuf out) {
        if (groundTruth) {
            out.writeBytes(T_US);
            Ascii.writeLong(out, nowMicros);
            out.writeBytes(eol);
        }
    }

    /** The line ending of this format's SSE ({@code \n}, or {@code \r\n} for Gemini). */
    final byte[] eol() { return eol; }

    /** Events sent with the headers, before the first token (may be none). */
    abstract void opening(ByteBuf out);

    /**
     * One event carrying tokens {@code [from, from + count)} of the thoughts or of the answer.
     * {@code last} marks the final answer event of a response that will end normally.
     */
    abstract void tokens(ByteBuf out, int from, int count, boolean thought, boolean last);

    /** The terminal events; {@code truthLine} (a whole comment line, or null) goes just before the terminal one. */
    abstract void closing(ByteBuf out, byte[] truthLine);

    /** A data line whose JSON is broken (malformed-chunk fault). */
    abstract void malformed(ByteBuf out);

    /** Bytes an event with this many tokens takes at most, for buffer sizing. */
    abstract int maxEventBytes(int tokens);

    /** The provider's in-stream error event for a fault (unused by faults answered with a status). */
    abstract void error(ByteBuf out, FaultKind kind);
}

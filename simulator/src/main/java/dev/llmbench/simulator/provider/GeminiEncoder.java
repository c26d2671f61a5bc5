package dev.llmbench.simulator.provider;

import dev.llmbench.simulator.profile.FaultKind;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * GenerateContentResponse frames: {@code data: {...}\r\n\r\n} with {@code alt=sse} (no [DONE]), else one streamed
 * JSON array. The last answer frame carries finishReason and the full usageMetadata.
 */
final class GeminiEncoder extends EventEncoder {
    private static final byte[] SSE_START = Ascii.bytes("data: ");
    private static final byte[] SSE_END = Ascii.bytes("\r\n\r\n");
    private static final byte[] CANDIDATE_OPEN = Ascii.bytes("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"");
    private static final byte[] THOUGHT_CLOSE = Ascii.bytes("\",\"thought\":true}],\"role\":\"model\"}");
    private static final byte[] TEXT_CLOSE = Ascii.bytes("\"}],\"role\":\"model\"}");
    private static final byte[] INDEX_CLOSE = Ascii.bytes(",\"index\":0}],\"usageMetadata\":");
    private static final byte[] PROMPT = Ascii.bytes("{\"promptTokenCount\":");
    private static final byte[] CANDIDATES = Ascii.bytes(",\"candidatesTokenCount\":");
    private static final byte[] TOTAL = Ascii.bytes(",\"totalTokenCount\":");
    private static final byte[] THOUGHTS = Ascii.bytes(",\"thoughtsTokenCount\":");

    private final boolean sse;
    private final byte[] finishTail;
    private final byte[] tail;
    private final byte[] fullUsage;
    private boolean first = true;
    private int answerSoFar;
    private int thoughtsSoFar;

    GeminiEncoder(Completion c, boolean sse, boolean groundTruth) {
        super(c, groundTruth, "\r\n");
        this.sse = sse;
        this.finishTail = Ascii.bytes(",\"finishReason\":\"" + GeminiApi.finishReason(c) + "\"");
        this.tail = Ascii.bytes(",\"modelVersion\":" + Json.quote(c.model()) + ",\"responseId\":\"" + c.id() + "\"}");
        this.fullUsage = Json.bytes(GeminiApi.usage(c));
    }

    private void frameStart(ByteBuf out) {
        beginEvent(out);
        if (sse) {
            out.writeBytes(SSE_START);
        } else {
            out.writeByte(first ? '[' : ',');
            if (!first) out.writeBytes(SSE_END, 0, 2);
        }
        first = false;
    }

    private void frameEnd(ByteBuf out) {
        if (sse) out.writeBytes(SSE_END);
    }

    @Override
    void opening(ByteBuf out) {
        // Gemini sends nothing before the first generated text.
    }

    @Override
    void tokens(ByteBuf out, int from, int count, boolean thought, boolean last) {
        if (thought) thoughtsSoFar += count; else answerSoFar += count;
        frameStart(out);
        out.writeBytes(CANDIDATE_OPEN);
        Vocabulary.write(out, from, count, thought);
        out.writeBytes(thought ? THOUGHT_CLOSE : TEXT_CLOSE);
        if (last) out.writeBytes(finishTail);
        out.writeBytes(INDEX_CLOSE);
        if (last) {
            out.writeBytes(fullUsage);
        } else {
            out.writeBytes(PROMPT);
            Ascii.writeLong(out, completion.promptTokens());
            out.writeBytes(CANDIDATES);
            Ascii.writeLong(out, answerSoFar);
            out.writeBytes(TOTAL);
            Ascii.writeLong(out, (long) completion.promptTokens() + answerSoFar + thoughtsSoFar);
            if (thoughtsSoFar > 0) {
                out.writeBytes(THOUGHTS);
                Ascii.writeLong(out, thoughtsSoFar);
            }
            out.writeByte('}');
        }
        out.writeBytes(tail);
        frameEnd(out);
    }

    @Override
    void closing(ByteBuf out, byte[] truthLine) {
        // No terminal event: the last frame carried finishReason. Ground truth goes after it, as its own comment block.
        if (truthLine != null) {
            out.writeBytes(truthLine);
            out.writeBytes(eol());
        }
        if (!sse) out.writeByte(']');
    }

    @Override
    void malformed(ByteBuf out) {
        frameStart(out);
        out.writeCharSequence("{\"candidates\":[{\"content\":{\"parts\":[{\"te", StandardCharsets.UTF_8);
        frameEnd(out);
    }

    @Override
    int maxEventBytes(int tokens) {
        return CANDIDATE_OPEN.length + 200 + tail.length + fullUsage.length + finishTail.length + tokens * Vocabulary.MAX_TOKEN_BYTES;
    }

    @Override
    void error(ByteBuf out, FaultKind kind) {
        Reply r = GeminiApi.INSTANCE.fault(kind, completion.model());
        frameStart(out);
        out.writeBytes(r.body());
        frameEnd(out);
    }
}

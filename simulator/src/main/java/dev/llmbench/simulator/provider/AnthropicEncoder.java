package dev.llmbench.simulator.provider;

import dev.llmbench.simulator.profile.FaultKind;
import io.netty.buffer.ByteBuf;

import java.nio.charset.StandardCharsets;

/**
 * Named events: message_start, content_block_start, ping, content_block_delta (thinking_delta, then signature_delta
 * and a new text block when thinking), content_block_stop, message_delta (cumulative usage), message_stop.
 */
final class AnthropicEncoder extends EventEncoder {
    static final String SIGNATURE = "EqQBCkgIARABGAIiQL2sim0signature0not0verifiable";
    private static final byte[] TEXT_DELTA_1 = Ascii.bytes("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":");
    private static final byte[] TEXT_DELTA_2 = Ascii.bytes(",\"delta\":{\"type\":\"text_delta\",\"text\":\"");
    private static final byte[] THINK_DELTA_2 = Ascii.bytes(",\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"");
    private static final byte[] DELTA_END = Ascii.bytes("\"}}\n\n");

    private int blockIndex;
    private boolean inThinking;

    AnthropicEncoder(Completion c, boolean groundTruth) {
        super(c, groundTruth, "\n");
    }

    private void event(ByteBuf out, String name, String json) {
        beginEvent(out);
        out.writeCharSequence("event: " + name + "\ndata: " + json + "\n\n", StandardCharsets.UTF_8);
    }

    private void blockStart(ByteBuf out, boolean thinking) {
        String block = thinking ? "{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}" : "{\"type\":\"text\",\"text\":\"\"}";
        event(out, "content_block_start", "{\"type\":\"content_block_start\",\"index\":" + blockIndex + ",\"content_block\":" + block + "}");
        inThinking = thinking;
    }

    private void blockStop(ByteBuf out) {
        event(out, "content_block_stop", "{\"type\":\"content_block_stop\",\"index\":" + blockIndex + "}");
    }

    @Override
    void opening(ByteBuf out) {
        Completion c = completion;
        String usage = "{\"input_tokens\":" + AnthropicApi.uncachedInput(c) + ",\"cache_creation_input_tokens\":"
                + c.cacheCreationTokens() + ",\"cache_read_input_tokens\":" + c.cachedTokens() + ",\"output_tokens\":1}";
        event(out, "message_start", "{\"type\":\"message_start\",\"message\":{\"id\":\"" + c.id()
                + "\",\"type\":\"message\",\"role\":\"assistant\",\"model\":" + Json.quote(c.model())
                + ",\"content\":[],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":" + usage + "}}");
        blockStart(out, c.visibleThoughts() && c.thoughtTokens() > 0);
        event(out, "ping", "{\"type\":\"ping\"}");
    }

    @Override
    void tokens(ByteBuf out, int from, int count, boolean thought, boolean last) {
        if (!thought && inThinking) {
            event(out, "content_block_delta", "{\"type\":\"content_block_delta\",\"index\":" + blockIndex
                    + ",\"delta\":{\"type\":\"signature_delta\",\"signature\":\"" + SIGNATURE + "\"}}");
            blockStop(out);
            blockIndex++;
            blockStart(out, false);
        }
        beginEvent(out);
        out.writeBytes(TEXT_DELTA_1);
        Ascii.writeLong(out, blockIndex);
        out.writeBytes(thought ? THINK_DELTA_2 : TEXT_DELTA_2);
        Vocabulary.write(out, from, count, thought);
        out.writeBytes(DELTA_END);
    }

    @Override
    void closing(ByteBuf out, byte[] truthLine) {
        blockStop(out);
        Completion c = completion;
        event(out, "message_delta", "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + AnthropicApi.stopReason(c)
                + "\",\"stop_sequence\":null},\"usage\":" + new String(Json.bytes(AnthropicApi.usage(c, c.outputTokens())),
                StandardCharsets.UTF_8) + "}");
        if (truthLine != null) out.writeBytes(truthLine);
        event(out, "message_stop", "{\"type\":\"message_stop\"}");
    }

    @Override
    void malformed(ByteBuf out) {
        beginEvent(out);
        out.writeCharSequence("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":" + blockIndex
                + ",\"delta\":{\"type\":\"text_\n\n", StandardCharsets.UTF_8);
    }

    @Override
    int maxEventBytes(int tokens) {
        // A block switch writes three extra events before the delta.
        return 600 + tokens * Vocabulary.MAX_TOKEN_BYTES;
    }

    @Override
    void error(ByteBuf out, FaultKind kind) {
        String type = kind == FaultKind.OVERLOADED ? "overloaded_error" : "api_error";
        String message = kind == FaultKind.OVERLOADED ? "Overloaded" : "Internal server error";
        event(out, "error", "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}");
    }
}

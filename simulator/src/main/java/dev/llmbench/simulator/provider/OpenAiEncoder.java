package dev.llmbench.simulator.provider;

import dev.llmbench.simulator.profile.FaultKind;
import io.netty.buffer.ByteBuf;

/** {@code chat.completion.chunk} events: role delta, content deltas, finish chunk, optional usage chunk, [DONE]. */
final class OpenAiEncoder extends EventEncoder {
    static final String FINGERPRINT = "fp_sim0001";
    private static final byte[] EVENT_END = Ascii.bytes("\n\n");
    private static final byte[] DONE = Ascii.bytes("data: [DONE]\n\n");
    private static final byte[] CONTENT_OPEN = Ascii.bytes("{\"index\":0,\"delta\":{\"content\":\"");
    private static final byte[] CONTENT_CLOSE = Ascii.bytes("\"},\"logprobs\":null,\"finish_reason\":null}]");

    private final byte[] chunkPrefix;
    private final byte[] chunkSuffix;
    private final boolean includeUsage;

    OpenAiEncoder(Completion c, boolean includeUsage, boolean groundTruth) {
        super(c, groundTruth, "\n");
        this.includeUsage = includeUsage;
        this.chunkPrefix = Ascii.bytes("data: {\"id\":\"" + c.id() + "\",\"object\":\"chat.completion.chunk\",\"created\":"
                + c.created() + ",\"model\":" + Json.quote(c.model()) + ",\"system_fingerprint\":\"" + FINGERPRINT
                + "\",\"choices\":[");
        this.chunkSuffix = Ascii.bytes(includeUsage ? ",\"usage\":null}" : "}");
    }

    private void chunk(ByteBuf out, String choice) {
        beginEvent(out);
        out.writeBytes(chunkPrefix);
        out.writeCharSequence(choice, java.nio.charset.StandardCharsets.UTF_8);
        out.writeBytes(chunkSuffix);
        out.writeBytes(EVENT_END);
    }

    @Override
    void opening(ByteBuf out) {
        chunk(out, "{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}]");
    }

    @Override
    void tokens(ByteBuf out, int from, int count, boolean thought, boolean last) {
        beginEvent(out);
        out.writeBytes(chunkPrefix);
        out.writeBytes(CONTENT_OPEN);
        Vocabulary.write(out, from, count, false);
        out.writeBytes(CONTENT_CLOSE);
        out.writeBytes(chunkSuffix);
        out.writeBytes(EVENT_END);
    }

    @Override
    void closing(ByteBuf out, byte[] truthLine) {
        chunk(out, "{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"" + OpenAiApi.finishReason(completion) + "\"}]");
        if (includeUsage) {
            beginEvent(out);
            out.writeBytes(chunkPrefix);
            out.writeCharSequence("],\"usage\":", java.nio.charset.StandardCharsets.UTF_8);
            out.writeBytes(Json.bytes(OpenAiApi.usage(completion)));
            out.writeCharSequence("}", java.nio.charset.StandardCharsets.UTF_8);
            out.writeBytes(EVENT_END);
        }
        if (truthLine != null) out.writeBytes(truthLine);
        beginEvent(out);
        out.writeBytes(DONE);
    }

    @Override
    void malformed(ByteBuf out) {
        beginEvent(out);
        out.writeBytes(chunkPrefix);
        out.writeCharSequence("{\"index\":0,\"delta\":{\"content\":\"\n\n", java.nio.charset.StandardCharsets.UTF_8);
    }

    @Override
    int maxEventBytes(int tokens) {
        return chunkPrefix.length + chunkSuffix.length + 160 + tokens * Vocabulary.MAX_TOKEN_BYTES;
    }

    @Override
    void error(ByteBuf out, FaultKind kind) {
        beginEvent(out);
        out.writeCharSequence("data: " + new String(OpenAiApi.INSTANCE.fault(kind, completion.model()).body(),
                java.nio.charset.StandardCharsets.UTF_8) + "\n\n", java.nio.charset.StandardCharsets.UTF_8);
    }
}

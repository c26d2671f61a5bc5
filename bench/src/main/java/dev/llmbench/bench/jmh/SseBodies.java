package dev.llmbench.bench.jmh;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Stream bodies in each provider's documented SSE format, every one exactly {@link #EVENTS} SSE events long (so a
 * benchmark can count events per stream with {@code @OperationsPerInvocation}), and the ways a network read can cut
 * them.
 */
final class SseBodies {
    /** SSE events (data or named events, comments excluded) in every body. */
    static final int EVENTS = 136;

    private SseBodies() {}

    /** How the body reaches the decoder. */
    enum Split {
        /** One buffer per complete event, as a read of a well-flushed server delivers it. */
        WHOLE,
        /** Every event cut in two in the middle of its JSON: each event completes on the second buffer. */
        TORN,
        /** One byte per buffer: the worst case, every line and every JSON token crosses a buffer boundary. */
        BYTES
    }

    /** The body of {@code format} ({@code openai}, {@code anthropic} or {@code gemini}) as a list of events. */
    static List<String> events(String format) {
        return switch (format) {
            case "openai" -> openAi();
            case "anthropic" -> anthropic();
            case "gemini" -> gemini();
            default -> throw new IllegalArgumentException("unknown format '" + format + "'; valid: openai, anthropic, gemini");
        };
    }

    /** The events cut as {@code split} says, as buffers whose position the caller resets with {@code clear()}. */
    static ByteBuffer[] pieces(List<String> events, Split split) {
        List<ByteBuffer> out = new ArrayList<>();
        for (String e : events) {
            byte[] b = e.getBytes(StandardCharsets.UTF_8);
            switch (split) {
                case WHOLE -> out.add(ByteBuffer.wrap(b).slice());
                case TORN -> {
                    int mid = b.length / 2;
                    out.add(ByteBuffer.wrap(b, 0, mid).slice());
                    out.add(ByteBuffer.wrap(b, mid, b.length - mid).slice());
                }
                case BYTES -> {
                    for (int i = 0; i < b.length; i++) out.add(ByteBuffer.wrap(b, i, 1).slice());
                }
            }
        }
        return out.toArray(ByteBuffer[]::new);
    }

    static int bytes(List<String> events) {
        return events.stream().mapToInt(e -> e.getBytes(StandardCharsets.UTF_8).length).sum();
    }

    private static String token(int i) { return " tok" + (i % 10); }

    /** Role chunk, 132 one-token content chunks, finish chunk, usage chunk, [DONE] (as openai-java's fixtures). */
    private static List<String> openAi() {
        String head = "data: {\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion.chunk\","
                + "\"created\":1741569952,\"model\":\"gpt-4.1-nano-2025-04-14\",\"service_tier\":\"default\","
                + "\"system_fingerprint\":\"fp_fc9f1d7035\",\"choices\":[{\"index\":0,\"delta\":";
        List<String> ev = new ArrayList<>();
        ev.add(head + "{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n");
        int tokens = EVENTS - 4;
        for (int i = 0; i < tokens; i++) {
            ev.add(head + "{\"content\":\"" + token(i) + "\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n");
        }
        ev.add(head + "{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}\n\n");
        ev.add("data: {\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion.chunk\","
                + "\"created\":1741569952,\"model\":\"gpt-4.1-nano-2025-04-14\",\"choices\":[],\"usage\":{\"prompt_tokens\":19,"
                + "\"completion_tokens\":" + tokens + ",\"total_tokens\":" + (19 + tokens)
                + ",\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},\"completion_tokens_details\":"
                + "{\"reasoning_tokens\":0,\"audio_tokens\":0,\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}}\n\n");
        ev.add("data: [DONE]\n\n");
        return ev;
    }

    /** message_start, content_block_start, ping, 130 text deltas, content_block_stop, message_delta, message_stop. */
    private static List<String> anthropic() {
        List<String> ev = new ArrayList<>();
        ev.add("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_01XFDUDYJgAACzvnptvVoYEL\","
                + "\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"model\":\"claude-haiku-4-5-20251001\","
                + "\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":25,\"cache_creation_input_tokens\":0,"
                + "\"cache_read_input_tokens\":0,\"output_tokens\":1}}}\n\n");
        ev.add("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
        ev.add("event: ping\ndata: {\"type\": \"ping\"}\n\n");
        int tokens = EVENTS - 6;
        for (int i = 0; i < tokens; i++) {
            ev.add("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\""
                    + token(i) + "\"}}\n\n");
        }
        ev.add("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n");
        ev.add("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
                + "\"usage\":{\"output_tokens\":" + tokens + "}}\n\n");
        ev.add("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        return ev;
    }

    /** 136 generateContent chunks with usageMetadata each (as Gemini sends), CRLF framing, the last with finishReason. */
    private static List<String> gemini() {
        List<String> ev = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            boolean last = i == EVENTS - 1;
            ev.add("data: {\"candidates\": [{\"content\": {\"parts\": [{\"text\": \"" + token(i) + "\"}],\"role\": \"model\"},"
                    + (last ? "\"finishReason\": \"STOP\"," : "") + "\"index\": 0}],"
                    + "\"usageMetadata\": {\"promptTokenCount\": 9,\"candidatesTokenCount\": " + (i + 1) + ",\"totalTokenCount\": " + (i + 10)
                    + "},\"modelVersion\": \"gemini-2.5-flash\",\"responseId\": \"abc\"}\r\n\r\n");
        }
        return ev;
    }
}

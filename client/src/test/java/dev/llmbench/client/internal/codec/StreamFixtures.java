package dev.llmbench.client.internal.codec;

import java.nio.charset.StandardCharsets;

/** Realistic stream bodies built from the documented formats, for throughput and allocation checks. */
final class StreamFixtures {
    private StreamFixtures() {}

    /** An OpenAI stream of {@code tokens} one-token content chunks, with the role chunk, finish and usage chunks. */
    static byte[] openAiStream(int tokens) {
        String head = "data: {\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion.chunk\","
                + "\"created\":1741569952,\"model\":\"gpt-4.1-nano-2025-04-14\",\"service_tier\":\"default\","
                + "\"system_fingerprint\":\"fp_fc9f1d7035\",\"choices\":[{\"index\":0,\"delta\":";
        StringBuilder b = new StringBuilder();
        b.append(head).append("{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n");
        for (int i = 0; i < tokens; i++) {
            b.append(head).append("{\"content\":\" tok").append(i % 10)
                    .append("\"},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n");
        }
        b.append(head).append("{},\"logprobs\":null,\"finish_reason\":\"stop\"}],\"usage\":null}\n\n");
        b.append("data: {\"id\":\"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT\",\"object\":\"chat.completion.chunk\","
                + "\"created\":1741569952,\"model\":\"gpt-4.1-nano-2025-04-14\",\"choices\":[],\"usage\":{\"prompt_tokens\":19,"
                + "\"completion_tokens\":" + tokens + ",\"total_tokens\":" + (19 + tokens)
                + ",\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},\"completion_tokens_details\":"
                + "{\"reasoning_tokens\":0,\"audio_tokens\":0,\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}}\n\n");
        b.append("data: [DONE]\n\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A sink that does nothing, as cheap as a sink can be. */
    static final EventSink NO_OP = new EventSink() {
        long sum;
        @Override public void onEvent(long nanoTime) { sum += nanoTime; }
        @Override public void onText(CharSequence text, boolean thought, long nanoTime) { sum += text.length(); }
        @Override public void onComment(CharSequence comment, long nanoTime) {}
        @Override public void onFinish(String finishReason) {}
        @Override public void onUsage(long inputTokens, long cachedInputTokens, long outputTokens, long reasoningTokens) {}
        @Override public void onModel(String model) {}
        @Override public void onError(dev.llmbench.client.LlmException error) { throw new AssertionError(error); }
        @Override public void onDone() {}
    };
}

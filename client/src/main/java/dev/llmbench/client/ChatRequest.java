package dev.llmbench.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A provider-neutral chat request. The model name routes it (see {@link ModelRouter}).
 *
 * @param model       model name as the user writes it, e.g. {@code gpt-4.1-nano}, {@code gemini/gemini-3-flash},
 *                    {@code together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo}, {@code claude-haiku-4-5}
 * @param system      system prompt, or null
 * @param messages    conversation, at least one message
 * @param maxTokens   output token limit, or null for the provider default (Anthropic requires one: 1024 is sent)
 * @param temperature sampling temperature, or null for the provider default
 * @param thinking    reasoning configuration, or null for the provider default
 * @param extra       provider-specific top-level fields merged into the request body as given (never null)
 * @param headers     extra HTTP request headers for this request only, e.g. the simulator's {@code x-sim-fault} or
 *                    {@code x-sim-ground-truth} (never null; not part of the body, so not part of what is asked)
 */
public record ChatRequest(String model, String system, List<Message> messages, Integer maxTokens,
                          Double temperature, Thinking thinking, Map<String, Object> extra, Map<String, String> headers) {

    public ChatRequest {
        Objects.requireNonNull(model, "model");
        messages = List.copyOf(messages);
        if (messages.isEmpty()) throw new IllegalArgumentException("a request needs at least one message");
        extra = extra == null ? Map.of() : Map.copyOf(extra);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (maxTokens != null && maxTokens < 1) throw new IllegalArgumentException("maxTokens must be >= 1: " + maxTokens);
    }

    /** A request without extra headers. */
    public ChatRequest(String model, String system, List<Message> messages, Integer maxTokens,
                       Double temperature, Thinking thinking, Map<String, Object> extra) {
        this(model, system, messages, maxTokens, temperature, thinking, extra, Map.of());
    }

    /** A single user message with provider defaults for everything else. */
    public static ChatRequest of(String model, String userMessage) {
        return new ChatRequest(model, null, List.of(Message.user(userMessage)), null, null, null, Map.of());
    }

    public ChatRequest withSystem(String system) {
        return new ChatRequest(model, system, messages, maxTokens, temperature, thinking, extra, headers);
    }

    public ChatRequest withMaxTokens(Integer maxTokens) {
        return new ChatRequest(model, system, messages, maxTokens, temperature, thinking, extra, headers);
    }

    public ChatRequest withTemperature(Double temperature) {
        return new ChatRequest(model, system, messages, maxTokens, temperature, thinking, extra, headers);
    }

    public ChatRequest withThinking(Thinking thinking) {
        return new ChatRequest(model, system, messages, maxTokens, temperature, thinking, extra, headers);
    }

    public ChatRequest withExtra(Map<String, Object> extra) {
        return new ChatRequest(model, system, messages, maxTokens, temperature, thinking, extra, headers);
    }

    public ChatRequest withModel(String model) {
        return new ChatRequest(model, system, messages, maxTokens, temperature, thinking, extra, headers);
    }

    /** This request with one more HTTP header (replacing one of the same name). */
    public ChatRequest withHeader(String name, String value) {
        Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
        return new ChatRequest(model, system, messages, maxTokens, temperature, thinking, extra, h);
    }
}

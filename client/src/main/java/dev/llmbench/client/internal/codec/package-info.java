/**
 * Provider wire formats: {@link dev.llmbench.client.internal.codec.Codecs#forProvider} gives each provider's
 * {@link dev.llmbench.client.internal.codec.ProviderCodec} (request encoding, incremental stream decoding, whole-body
 * and error decoding).
 *
 * <p>Decoding path: body bytes → {@link dev.llmbench.client.internal.sse.SseParser} → one reusable non-blocking
 * Jackson parser per stream, walked by a per-format reader that pulls only the needed fields. Calls for one event are
 * held until the event parsed completely, then passed to the {@link dev.llmbench.client.internal.codec.EventSink};
 * text goes out as a view over a reused char buffer. Per chunk nothing is allocated.
 *
 * <p>Mappings to the provider-neutral model:
 * <ul>
 *   <li>Text: OpenAI {@code delta.content}; thoughts from {@code delta.reasoning_content} or {@code delta.reasoning}
 *       (vLLM, DeepSeek). Anthropic {@code text} / {@code thinking} deltas. Gemini parts, {@code "thought": true}
 *       parts as thoughts. Empty and role-only deltas are never text.</li>
 *   <li>Usage (input always includes cached): OpenAI {@code prompt_tokens}, {@code cached_tokens},
 *       {@code completion_tokens}, {@code reasoning_tokens}. Anthropic input = {@code input_tokens +
 *       cache_creation_input_tokens + cache_read_input_tokens}, cached = {@code cache_read_input_tokens}, output =
 *       {@code output_tokens}, reasoning 0. Gemini input = {@code promptTokenCount}, cached =
 *       {@code cachedContentTokenCount}, output = {@code candidatesTokenCount + thoughtsTokenCount}, reasoning =
 *       {@code thoughtsTokenCount}.</li>
 *   <li>Terminal: OpenAI {@code data: [DONE]}; Anthropic {@code message_stop}; Gemini the end of the body after a
 *       {@code finishReason} (or a prompt {@code blockReason}). Otherwise the stream was truncated: Protocol error.</li>
 *   <li>Errors: HTTP 429 RateLimited, 529/503 Overloaded, other 5xx ServerError, 401/403 Auth, other 4xx BadRequest;
 *       error objects inside a 200 stream are classified by their numeric code or type/status name.</li>
 *   <li>Thinking: OpenAI formats send a Level as {@code reasoning_effort}; Anthropic a Budget as {@code thinking};
 *       Gemini either as {@code thinkingConfig}. Combinations a format has no field for are not sent.</li>
 * </ul>
 */
package dev.llmbench.client.internal.codec;

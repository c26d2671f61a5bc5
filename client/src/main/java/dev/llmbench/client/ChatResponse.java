package dev.llmbench.client;

/**
 * The outcome of a successful request.
 *
 * @param provider     the provider the model was routed to
 * @param model        the model name as sent to the provider (routing prefix removed)
 * @param text         the answer text (thinking excluded)
 * @param thinkingText thinking/thought text where the provider returned it, else empty
 * @param finishReason the provider's own value ({@code stop}, {@code length}, {@code eos}, {@code end_turn},
 *                     {@code STOP}, ...) or null if it sent none
 * @param usage        token counts
 * @param timing       timestamps of this request
 * @param protocol     the negotiated HTTP version, {@code "h2"} or {@code "http/1.1"}
 * @param cacheHit     true when served from the response cache: no request was sent, keep it out of statistics
 */
public record ChatResponse(Provider provider, String model, String text, String thinkingText, String finishReason,
                           Usage usage, StreamTiming timing, String protocol, boolean cacheHit) {}

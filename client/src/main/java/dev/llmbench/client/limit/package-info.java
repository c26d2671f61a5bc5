/**
 * Adaptive concurrency: {@link dev.llmbench.client.limit.Limit} ({@link dev.llmbench.client.limit.AimdLimit},
 * {@link dev.llmbench.client.limit.FixedLimit}), the non-blocking {@link dev.llmbench.client.limit.Limiter} that hands
 * out permits as futures, {@link dev.llmbench.client.limit.WindowRecorder} for the window's time series, and
 * {@link dev.llmbench.client.limit.KeyRing} for several API keys with one window each.
 *
 * <p>The client applies them itself: {@code LlmClient.builder().aimd()} (or {@code .concurrencyLimit(supplier)}) gives
 * every key of every provider its own window, and requests beyond it wait inside the client.
 *
 * <pre>{@code
 * Limiter limiter = Limiter.aimd(32);
 * limiter.acquire().thenCompose(permit -> send(request)
 *         .whenComplete((response, failure) -> permit.release(failure)));   // 429/529/timeout halve the window
 * }</pre>
 */
package dev.llmbench.client.limit;

/**
 * The reference client: build an {@link dev.llmbench.client.LlmClient} with {@link dev.llmbench.client.LlmClient#builder()},
 * send {@link dev.llmbench.client.ChatRequest}s, receive streams through a {@link dev.llmbench.client.StreamListener} and
 * {@link dev.llmbench.client.ChatResponse}s with read-only {@link dev.llmbench.client.StreamTiming}; observe permits,
 * per-key windows and retries with a {@link dev.llmbench.client.ClientListener}.
 *
 * <p>This package and {@code cache}, {@code limit}, {@code pricing} and {@code retry} are the public API, listed in
 * {@code client/api/public-api.txt}. {@code dev.llmbench.client.internal} and its subpackages are the implementation:
 * no public signature names their types, and callers must not depend on them.
 */
package dev.llmbench.client;

/**
 * Retries: the pure {@link dev.llmbench.client.retry.RetryPolicy} ({@code none()} for raw benchmarks,
 * {@code defaults()} = 2 retries) and the asynchronous {@link dev.llmbench.client.retry.Retrying} runner, which never
 * replays a request whose response already reached the caller and counts retries through a
 * {@link dev.llmbench.client.retry.RetryListener} such as {@link dev.llmbench.client.retry.RetryCounter}.
 */
package dev.llmbench.client.retry;

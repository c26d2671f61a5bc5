/**
 * Incremental server-sent-events framing on bytes: {@link dev.llmbench.client.internal.sse.SseParser} turns response
 * body pieces, split anywhere, into events whose data stays raw UTF-8 for a streaming JSON parser, and comments.
 */
package dev.llmbench.client.internal.sse;

package dev.llmbench.client.internal.codec;

import java.util.List;

/**
 * An encoded request, relative to the provider's base URL.
 *
 * @param pathAndQuery appended to the base URL, e.g. {@code /chat/completions} or
 *                     {@code /models/gemini-3-flash:streamGenerateContent?alt=sse}
 * @param headers      name/value pairs, flattened: [name0, value0, name1, value1, ...] (content-type included)
 * @param body         JSON body bytes
 */
public record EncodedRequest(String pathAndQuery, List<String> headers, byte[] body) {}

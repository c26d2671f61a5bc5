package dev.llmbench.client.internal.transport;

import java.net.URI;
import java.util.List;

/**
 * One HTTP request.
 *
 * @param uri     absolute URI
 * @param method  {@code GET} or {@code POST}
 * @param headers flattened name/value pairs [name0, value0, ...]
 * @param body    request body, empty for GET
 */
public record HttpCall(URI uri, String method, List<String> headers, byte[] body) {}

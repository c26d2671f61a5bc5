package dev.llmbench.bench.path;

import dev.llmbench.client.Provider;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where and how a path client sends its requests.
 *
 * @param provider           the wire format (OPENAI, TOGETHER and GENERIC all speak OpenAI chat completions)
 * @param baseUrl            base URL including the version path, e.g. {@code https://127.0.0.1:8443/openai/v1},
 *                           {@code .../anthropic/v1} or {@code .../gemini/v1beta}; each adapter derives what its
 *                           library expects from it
 * @param apiKey             the key (never logged)
 * @param trustStore         PKCS12 truststore to trust (the simulator's self-signed certificate), or null
 * @param trustStorePassword its password, or null
 * @param concurrency        in-flight requests the driver will keep open; the tuned variant sizes pools to it
 * @param headers            headers sent with every request (e.g. {@code x-sim-ground-truth: 1}), never null
 */
public record PathTarget(Provider provider, String baseUrl, String apiKey, Path trustStore, String trustStorePassword,
                         int concurrency, Map<String, String> headers) {
    public PathTarget {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(apiKey, "apiKey");
        if (concurrency < 1) throw new IllegalArgumentException("concurrency must be >= 1: " + concurrency);
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        if (baseUrl.endsWith("/")) baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
    }

    public PathTarget(Provider provider, String baseUrl, String apiKey, Path trustStore, String trustStorePassword,
                      int concurrency) {
        this(provider, baseUrl, apiKey, trustStore, trustStorePassword, concurrency, Map.of());
    }

    /** The base URL without its last path segment (the API version), e.g. {@code https://h:1/anthropic}. */
    public String baseUrlWithoutVersion() {
        int slash = baseUrl.lastIndexOf('/');
        return slash > baseUrl.indexOf("//") + 1 ? baseUrl.substring(0, slash) : baseUrl;
    }

    /** The last path segment of the base URL, e.g. {@code v1} or {@code v1beta}. */
    public String apiVersion() { return baseUrl.substring(baseUrl.lastIndexOf('/') + 1); }

    @Override
    public String toString() {
        return "PathTarget[provider=" + provider + ", baseUrl=" + baseUrl + ", apiKey=redacted, concurrency="
                + concurrency + "]";
    }
}

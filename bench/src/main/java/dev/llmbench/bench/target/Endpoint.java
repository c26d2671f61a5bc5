package dev.llmbench.bench.target;

import dev.llmbench.client.Provider;
import dev.llmbench.client.TransportKind;

import java.nio.file.Path;

/**
 * How one provider of a target is reached. {@link #toString()} never shows the key.
 *
 * @param provider           the provider id cells are labelled with ({@code openai}, ..., {@code generic})
 * @param wireProvider       the client's provider the model routes to (whose base URL and key are set)
 * @param model              model name as sent in requests (with its routing prefix, e.g. {@code gemini/...})
 * @param baseUrl            base URL including the API version path, or null for the client's default
 * @param apiKey             the key, or null to let the client read the provider's environment variable
 * @param trustStore         PKCS12 truststore to trust in addition to the JDK's, or null
 * @param trustStorePassword its password
 * @param groundTruth        true when the target is the simulator: ask for its ground-truth comments
 * @param profile            the simulator profile serving it, or null
 */
public record Endpoint(String provider, Provider wireProvider, String model, String baseUrl, String apiKey,
                       Path trustStore, String trustStorePassword, boolean groundTruth, String profile) {

    /** The transport this provider uses unless a sweep or {@code -Dtransport} says otherwise. */
    public TransportKind defaultTransport() { return wireProvider.defaultTransport(); }

    @Override
    public String toString() {
        return "Endpoint[" + provider + ", model=" + model + ", baseUrl=" + (baseUrl == null ? "(default)" : baseUrl)
                + ", key=" + (apiKey == null ? "(from env)" : "(redacted)") + "]";
    }
}

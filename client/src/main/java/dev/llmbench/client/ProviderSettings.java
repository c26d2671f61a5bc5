package dev.llmbench.client;

import java.util.List;

/**
 * How the client reaches one provider. {@link #toString()} never shows the keys.
 *
 * @param apiKeys   one or more keys (several keys are used round robin); empty when none is configured
 * @param baseUrl   base URL including the API version path, e.g. {@code https://api.openai.com/v1}
 * @param transport the HTTP stack for this provider
 */
public record ProviderSettings(List<String> apiKeys, String baseUrl, TransportKind transport) {
    public ProviderSettings {
        apiKeys = List.copyOf(apiKeys);
    }

    @Override
    public String toString() {
        return "ProviderSettings[apiKeys=" + apiKeys.size() + " redacted, baseUrl=" + baseUrl + ", transport=" + transport.id() + "]";
    }
}

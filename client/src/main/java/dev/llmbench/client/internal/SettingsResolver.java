package dev.llmbench.client.internal;

import dev.llmbench.client.limit.KeyRing;
import dev.llmbench.client.LlmException;
import dev.llmbench.client.Provider;
import dev.llmbench.client.ProviderSettings;
import dev.llmbench.client.TransportKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a provider's keys, base URL and transport come from: the builder first, then the environment
 * ({@code OPENAI_API_KEY}, {@code OPENAI_BASE_URL}, ...), then the defaults. It reads the maps of a
 * {@link ClientConfig}, which are immutable, so later builder changes do not leak into a built client.
 */
final class SettingsResolver {
    private final Map<String, String> env;
    private final Map<Provider, String> apiKeys;
    private final Map<Provider, String> baseUrls;
    private final Map<Provider, TransportKind> transports;

    SettingsResolver(Map<String, String> env, Map<Provider, String> apiKeys, Map<Provider, String> baseUrls,
                     Map<Provider, TransportKind> transports) {
        this.env = env;
        this.apiKeys = apiKeys;
        this.baseUrls = baseUrls;
        this.transports = transports;
    }

    /** The settings as configured; keys may be empty and the base URL null (GENERIC without one). */
    ProviderSettings resolve(Provider p) {
        String keys = apiKeys.get(p);
        if (keys == null) keys = String.join(",", KeyRing.keysFromEnv(p, env)); // OPENAI_API_KEYS=k1,k2 or OPENAI_API_KEY
        String base = baseUrls.get(p);
        if (base == null || base.isBlank()) base = env.get(p.baseUrlVariable());
        if (base == null || base.isBlank()) base = p.defaultBaseUrl();
        if (base != null) base = stripTrailingSlash(base.trim());
        TransportKind kind = transports.getOrDefault(p, p.defaultTransport());
        return new ProviderSettings(splitKeys(keys), base, kind);
    }

    /** The settings a request can be sent with, or a Config error naming what to set. */
    ProviderSettings resolveForUse(Provider p) {
        ProviderSettings s = resolve(p);
        if (s.baseUrl() == null) {
            throw new LlmException.Config("no base URL for " + p + ": set " + p.baseUrlVariable()
                    + " or LlmClient.Builder.baseUrl(" + p + ", url)");
        }
        if (s.apiKeys().isEmpty() && p != Provider.GENERIC) {
            throw new LlmException.Config("no API key for " + p + ": set " + p.keyVariable()
                    + " or LlmClient.Builder.apiKey(" + p + ", key)");
        }
        return s;
    }

    /** Every key configured for any provider (for scrubbing). */
    List<String> allKeys() {
        List<String> all = new ArrayList<>();
        for (Provider p : Provider.values()) all.addAll(resolve(p).apiKeys());
        return all;
    }

    static List<String> splitKeys(String keys) {
        List<String> out = new ArrayList<>();
        if (keys == null) return out;
        for (String k : keys.split(",")) {
            String t = k.trim();
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    private static String stripTrailingSlash(String s) {
        int end = s.length();
        while (end > 0 && s.charAt(end - 1) == '/') end--;
        return s.substring(0, end);
    }
}

package dev.llmbench.client.internal;

import dev.llmbench.client.ClientListener;
import dev.llmbench.client.Provider;
import dev.llmbench.client.TransportKind;
import dev.llmbench.client.cache.ResponseCache;
import dev.llmbench.client.limit.Limit;
import dev.llmbench.client.retry.RetryListener;
import dev.llmbench.client.retry.RetryPolicy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything a client is built from, as {@link dev.llmbench.client.LlmClient.Builder#build()} found it: immutable, so a
 * builder changed after {@code build()} never reaches a built client. The maps are unmodifiable copies (the
 * environment is kept as is when it is {@link System#getenv()}, which cannot change); headers keep their order.
 *
 * @param env                where keys and base URLs are read from when not set explicitly
 * @param apiKeys            keys set explicitly, per provider (comma-separated for several)
 * @param baseUrls           base URLs set explicitly, per provider
 * @param transports         transports set explicitly, per provider
 * @param headers            headers sent with every request, in order
 * @param limitPerKey        the concurrency limit of each key's window, one instance per call; null for no limit
 * @param retryListener      told about every retry (never null)
 * @param listener           told about permits, window changes and retries (never null; {@link ClientListener#NONE})
 * @param cache              the response cache, or null for none
 * @param trustStore         a PKCS12 truststore trusted in addition to the JDK's, or null
 * @param trustStorePassword its password, or null
 */
public record ClientConfig(Map<String, String> env, Map<Provider, String> apiKeys, Map<Provider, String> baseUrls,
                           Map<Provider, TransportKind> transports, Map<String, String> headers,
                           int maxConcurrency, int connectionsPerHost, Duration connectTimeout,
                           Duration firstByteTimeout, Duration idleTimeout, Duration requestTimeout,
                           Path trustStore, String trustStorePassword, Supplier<? extends Limit> limitPerKey,
                           RetryPolicy retryPolicy, RetryListener retryListener, ClientListener listener,
                           ResponseCache cache) {

    public ClientConfig {
        env = env == System.getenv() ? env : Map.copyOf(env);
        apiKeys = byProvider(apiKeys);
        baseUrls = byProvider(baseUrls);
        transports = byProvider(transports);
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(firstByteTimeout, "firstByteTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(retryListener, "retryListener");
        Objects.requireNonNull(listener, "listener");
    }

    private static <V> Map<Provider, V> byProvider(Map<Provider, V> m) {
        Map<Provider, V> c = new EnumMap<>(Provider.class);
        c.putAll(m);
        return Collections.unmodifiableMap(c);
    }
}

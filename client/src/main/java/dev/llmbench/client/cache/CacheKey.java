package dev.llmbench.client.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.Message;
import dev.llmbench.client.ModelRouter;
import dev.llmbench.client.Provider;
import dev.llmbench.client.Thinking;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A response-cache key: SHA-256 (hex) of the canonical JSON (sorted keys) of everything that changes the output —
 * provider, endpoint, model as sent, system prompt, messages, max tokens, temperature, the thinking configuration
 * and extra fields. The API key is never part of it ({@link ChatRequest} does not carry one), as in the lessons'
 * {@code sha256(json.dumps(sort_keys=True))}.
 *
 * <p>Build the key from the request <em>as sent</em>: if the client fills in a default thinking configuration
 * (e.g. Gemini {@code thinkingBudget: 0}) or max tokens, pass the request with those defaults applied, so that the
 * key reflects the actual thinking config (one of the lessons, see {@code docs/lessons.md}).
 */
public record CacheKey(String hex) {
    private static final HexFormat HEX = HexFormat.of();
    /** Bumped when the key recipe changes, so old entries stop matching instead of being misread. */
    private static final int VERSION = 1;

    public CacheKey {
        if (hex == null || hex.length() != 64 || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
            throw new IllegalArgumentException("a cache key is 64 lower-case hex characters");
        }
    }

    /** The key of {@code request} sent to {@code provider}'s default endpoint. */
    public static CacheKey of(ChatRequest request, Provider provider) { return of(request, provider, null); }

    /**
     * The key of {@code request} sent to {@code provider} at {@code endpoint} (the base URL; responses of a simulator
     * and of the real API must not mix). User info, query and fragment of the endpoint are dropped.
     */
    public static CacheKey of(ChatRequest request, Provider provider, String endpoint) {
        return new CacheKey(sha256Hex(canonicalJson(request, provider, endpoint)));
    }

    /** The canonical JSON hashed into the key (exposed for inspection and tests). */
    public static String canonicalJson(ChatRequest request, Provider provider, String endpoint) {
        Map<String, Object> doc = new TreeMap<>();
        doc.put("v", VERSION);
        doc.put("provider", provider.name().toLowerCase(Locale.ROOT));
        doc.put("endpoint", endpoint == null ? null : sanitizeEndpoint(endpoint));
        doc.put("model", ModelRouter.providerModel(request.model()));
        doc.put("system", request.system());
        List<Map<String, Object>> messages = new ArrayList<>(request.messages().size());
        for (Message m : request.messages()) {
            Map<String, Object> mm = new LinkedHashMap<>();
            mm.put("role", m.role().name().toLowerCase(Locale.ROOT));
            mm.put("content", m.content());
            messages.add(mm);
        }
        doc.put("messages", messages);
        doc.put("maxTokens", request.maxTokens());
        doc.put("temperature", request.temperature());
        doc.put("thinking", thinking(request.thinking()));
        doc.put("extra", request.extra());
        try {
            return CacheJson.MAPPER.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("request extra fields are not serialisable as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static Object thinking(Thinking t) {
        if (t == null) return null;
        if (t instanceof Thinking.Budget b) return Map.of("budget", b.tokens());
        return Map.of("level", ((Thinking.Level) t).level());
    }

    static String sanitizeEndpoint(String endpoint) {
        String e = endpoint.strip();
        int cut = e.length();
        int q = e.indexOf('?');
        int h = e.indexOf('#');
        if (q >= 0) cut = q;
        if (h >= 0) cut = Math.min(cut, h);
        e = e.substring(0, cut);
        try {
            URI u = URI.create(e);
            if (u.getRawUserInfo() != null) {
                e = new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getPath(), null, null).toString();
            }
        } catch (Exception ignored) {
            // not a URI: keep the text without its query
        }
        while (e.endsWith("/")) e = e.substring(0, e.length() - 1);
        return e;
    }

    private static String sha256Hex(String text) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** The 32 key bytes, as stored. */
    public byte[] bytes() { return HEX.parseHex(hex); }

    /** The shard of this key among {@code shards}: from its first four bytes. */
    public int shard(int shards) { return (int) (Long.parseLong(hex, 0, 8, 16) % shards); }

    @Override public String toString() { return "CacheKey[" + hex.substring(0, 12) + "...]"; }
}

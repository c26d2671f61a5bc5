package dev.llmbench.bench.target;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Masks an endpoint's API keys (its own, or the provider's environment variable when it leaves the key to it) in text
 * bound for a report, e.g. an error message from a library that does not scrub its exceptions as the reference
 * client does. Keys shorter than 4 characters are left alone, as the client's scrubber does.
 */
public final class KeyMask {
    public static final String MASK = "[redacted]";

    private KeyMask() {}

    public static UnaryOperator<String> of(Endpoint e) {
        String configured = e.apiKey() != null ? e.apiKey() : System.getenv(e.wireProvider().keyVariable());
        List<String> keys = new ArrayList<>();
        if (configured != null) for (String k : configured.split(",")) if (k.trim().length() >= 4) keys.add(k.trim());
        keys.sort(Comparator.comparingInt(String::length).reversed()); // a key containing another is masked whole
        return text -> {
            if (text == null) return null;
            String out = text;
            for (String k : keys) out = out.replace(k, MASK);
            return out;
        };
    }
}

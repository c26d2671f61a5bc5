package dev.llmbench.client.internal;

import dev.llmbench.client.LlmException;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Removes every configured API key from text bound for an exception (providers echo keys in 401 bodies, stacks put
 * URLs in messages). Keys are replaced by {@value #MASK}; an exception is only rebuilt when it carried a key.
 */
final class SecretScrubber {
    static final String MASK = "[redacted]";
    /** Shorter strings are not treated as secrets: masking "a" everywhere would destroy messages. */
    private static final int MIN_SECRET_LENGTH = 4;

    private final String[] secrets;

    SecretScrubber(Collection<String> keys) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String k : keys) if (k != null && k.length() >= MIN_SECRET_LENGTH) distinct.add(k);
        // Longest first, so a key containing another key is masked whole.
        this.secrets = distinct.stream().sorted(Comparator.comparingInt(String::length).reversed()).toArray(String[]::new);
    }

    String scrub(String text) {
        if (text == null) return null;
        String out = text;
        for (String s : secrets) if (out.contains(s)) out = out.replace(s, MASK);
        return out;
    }

    boolean containsSecret(String text) {
        if (text == null) return false;
        for (String s : secrets) if (text.contains(s)) return true;
        return false;
    }

    /** {@code e} itself when it carries no key, else the same kind of exception with the keys masked. */
    LlmException scrub(LlmException e) {
        if (e == null || secrets.length == 0) return e;
        boolean causeLeaks = e.getCause() != null && containsSecret(String.valueOf(e.getCause()));
        if (!containsSecret(e.getMessage()) && !containsSecret(e.body()) && !causeLeaks) return e;
        String m = scrub(e.getMessage());
        String b = scrub(e.body());
        Throwable cause = causeLeaks ? null : e.getCause();
        LlmException clean;
        if (e instanceof LlmException.RateLimited r) {
            clean = new LlmException.RateLimited(m, r.status(), b, r.retryAfter(), r.limitHeaders());
        } else if (e instanceof LlmException.Overloaded o) {
            clean = new LlmException.Overloaded(m, o.status(), b, o.retryAfter());
        } else if (e instanceof LlmException.ServerError) {
            clean = new LlmException.ServerError(m, e.status(), b);
        } else if (e instanceof LlmException.Auth) {
            clean = new LlmException.Auth(m, e.status(), b);
        } else if (e instanceof LlmException.BadRequest) {
            clean = new LlmException.BadRequest(m, e.status(), b);
        } else if (e instanceof LlmException.Protocol) {
            clean = new LlmException.Protocol(m, e.status(), cause);
        } else if (e instanceof LlmException.Connection) {
            clean = new LlmException.Connection(m, cause);
        } else if (e instanceof LlmException.Config) {
            clean = new LlmException.Config(m);
        } else {
            return e; // Timeout and Cancelled messages are built here and hold no key
        }
        if (!causeLeaks) clean.setStackTrace(e.getStackTrace());
        return clean;
    }
}

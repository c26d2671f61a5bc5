package dev.llmbench.client.limit;

import dev.llmbench.client.LlmException;

import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** What a finished request tells the concurrency limit. */
public enum Outcome {
    /** The request succeeded: the window may grow. */
    SUCCESS,
    /** The provider pushed back (429, 529/503 overloaded, or a timeout): the window shrinks. */
    DROPPED,
    /** Says nothing about capacity (cancelled, bad request, auth, protocol...): the window stays. */
    IGNORED;

    /** Classifies a request failure; {@code null} means success. */
    public static Outcome of(Throwable failure) {
        if (failure == null) return SUCCESS;
        Throwable t = unwrap(failure);
        if (t instanceof LlmException e) {
            return switch (e.kind()) {
                case RATE_LIMITED, OVERLOADED, TIMEOUT -> DROPPED;
                default -> IGNORED;
            };
        }
        return IGNORED;
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) t = t.getCause();
        return t;
    }
}

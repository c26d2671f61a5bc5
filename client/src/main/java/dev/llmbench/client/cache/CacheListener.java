package dev.llmbench.client.cache;

/** Receives the cache's warnings (each condition is reported once). Must not throw or block. */
@FunctionalInterface
public interface CacheListener {

    void onWarning(String message, Throwable cause);

    /** Reports through {@link System.Logger} {@code dev.llmbench.client.cache} at WARNING. */
    static CacheListener logging() {
        return (message, cause) -> System.getLogger("dev.llmbench.client.cache").log(System.Logger.Level.WARNING, message, cause);
    }
}

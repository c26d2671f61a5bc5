package dev.llmbench.simulator.profile;

/** Whether a profile caches prompt prefixes. */
public enum CacheMode {
    /** Every long enough prompt prefix is cached automatically (OpenAI, Gemini implicit caching). */
    AUTO,
    /** Only requests that ask for it (Anthropic {@code cache_control}) are cached. */
    EXPLICIT,
    OFF
}

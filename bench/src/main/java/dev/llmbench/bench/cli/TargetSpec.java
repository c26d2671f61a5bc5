package dev.llmbench.bench.cli;

/** Where requests go ({@code -Dtarget}). */
public sealed interface TargetSpec {
    /** The embedded provider simulator. */
    record Sim() implements TargetSpec {}

    /** The real providers whose key variable is set. */
    record Live() implements TargetSpec {}

    /** An OpenAI-compatible server, provider {@code generic}; {@code url} has no trailing slash. */
    record BaseUrl(String url) implements TargetSpec {}
}

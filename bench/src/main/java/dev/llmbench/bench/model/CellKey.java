package dev.llmbench.bench.model;

/**
 * Identifies one cell of a sweep: everything that was varied. Two cells that differ only in {@code repeat} are
 * repeats of the same configuration.
 *
 * @param provider    e.g. {@code openai}
 * @param path        {@code ref} (reference client), {@code sdk} (official SDK), {@code generic} (multi-provider)
 * @param transport   transport id, e.g. {@code okhttp-h2} ("sdk-default" etc. for non-ref paths)
 * @param concurrency in-flight requests (closed loop); for open loop the cap on in-flight requests
 * @param variant     the sweep's own dimension, e.g. {@code short}/{@code long} prompt, {@code budget=0}; "" if none
 * @param repeat      0-based repeat index
 */
public record CellKey(String provider, String path, String transport, int concurrency, String variant, int repeat) {

    /** The configuration without the repeat index: what repeats are grouped by. */
    public CellKey withoutRepeat() { return new CellKey(provider, path, transport, concurrency, variant, 0); }

    /** A short file-name-safe label, e.g. {@code openai-ref-okhttp-h2-c32-short-r0}. */
    public String slug() {
        String v = variant.isEmpty() ? "" : "-" + variant.replaceAll("[^A-Za-z0-9.=_-]", "_");
        return (provider + "-" + path + "-" + transport + "-c" + concurrency + v + "-r" + repeat).replaceAll("[^A-Za-z0-9.=_-]", "_");
    }
}

package dev.llmbench.bench.path;

/**
 * One way of calling a provider that a sweep can compare: the reference client ({@link RefClientPath}) or a library,
 * an official SDK or the generic multi-provider one ({@link LibraryClientPath}).
 */
public interface ClientPath {
    /** Short id used in cell keys and reports, e.g. {@code ref}. */
    String id();

    /** The HTTP stack this path really uses when the sweep asked for {@code requested}; reports label cells with it. */
    default String transportLabel(dev.llmbench.client.TransportKind requested) { return requested.id(); }

    /** Opens what one cell sends its requests through (a client, its connections and threads). */
    PathSession open(SessionSpec spec);
}

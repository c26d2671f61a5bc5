package dev.llmbench.client.internal.codec;

/** Read access to response headers, whichever transport received them. */
@FunctionalInterface
public interface HeaderLookup {
    /** The first value of header {@code name} (matched case-insensitively), or null. */
    String get(String name);

    HeaderLookup EMPTY = name -> null;
}

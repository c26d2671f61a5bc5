package dev.llmbench.client.pricing;

/** A price file that cannot be read: the message names the file, the line and what is wrong. */
public final class PricesFormatException extends RuntimeException {
    private final String source;
    private final int line;

    public PricesFormatException(String source, int line, String problem) {
        super(source + ":" + line + ": " + problem);
        this.source = source;
        this.line = line;
    }

    public String source() { return source; }

    /** 1-based line number. */
    public int line() { return line; }
}

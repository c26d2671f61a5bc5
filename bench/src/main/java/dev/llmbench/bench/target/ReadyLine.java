package dev.llmbench.bench.target;

import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The standalone simulator's one machine-readable line:
 * {@code llmbench-simulator ready http=<uri> h2c=<uri> tls=<uri> truststore=<path> truststore-password=<pw>}.
 */
public record ReadyLine(String http, String h2c, String tls, Path trustStore, String trustStorePassword) {
    private static final Pattern LINE = Pattern.compile(
            "^llmbench-simulator ready http=(\\S+) h2c=(\\S+) tls=(\\S+) truststore=(.+) truststore-password=(\\S*)\\s*$");

    /** The parsed line, or empty when {@code line} is not a ready line. */
    public static Optional<ReadyLine> parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) return Optional.empty();
        return Optional.of(new ReadyLine(m.group(1), m.group(2), m.group(3), Path.of(m.group(4)), m.group(5)));
    }
}

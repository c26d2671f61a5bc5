package dev.llmbench.bench.workload;

/**
 * A dataset file that cannot be used, as one line: {@code <file>:<line>: <what is wrong>}, the file named as the user
 * gave it. An entry of a JSON list also names its index ({@code data.json:12: entry 3: ...}): a minified file is one
 * line, so the line alone would not find it.
 */
public final class DatasetException extends RuntimeException {
    private final String file;
    private final long line;
    private final String problem;

    public DatasetException(String file, long line, String problem) {
        super(file + ":" + line + ": " + oneLine(problem), null, false, false);
        this.file = file;
        this.line = line;
        this.problem = oneLine(problem);
    }

    /** The file as the user named it. */
    public String file() { return file; }

    /** 1-based line of the problem (of the entry's start, for an entry of a JSON list). */
    public long line() { return line; }

    /** What is wrong, without the location. */
    public String problem() { return problem; }

    static String oneLine(String s) { return s == null ? "" : s.replaceAll("\\s*[\\r\\n]+\\s*", " ").trim(); }
}

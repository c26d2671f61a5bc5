package dev.llmbench.bench.workload;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The prompts of a dataset file, with what identifies it in a report: the path as recorded, the SHA-256 of its bytes,
 * how many entries were used and skipped (and why), and its input and output lengths.
 *
 * @param path    the file as the report names it (see {@code Workload.of}: never an absolute path outside the repository)
 * @param sha256  lower-case hex SHA-256 of the file's bytes
 * @param format  the container the file was read as
 * @param entries the usable entries, in file order, at least one
 * @param skipped per reason, how many entries were left out, e.g. {@code no human turn -> 3}
 */
public record Dataset(String path, String sha256, Format format, List<DatasetEntry> entries, Map<String, Integer> skipped) {

    /** How a file holds its entries; told apart by its first character ({@code [} or <code>{</code>). */
    public enum Format {
        JSON_LIST("JSON list (ShareGPT)"), JSONL("JSON lines");

        private final String text;

        Format(String text) { this.text = text; }

        public String text() { return text; }
    }

    /** How far the format sniffing looks for the first character that is not blank space. */
    private static final int SNIFF = 64 * 1024;

    public Dataset {
        entries = List.copyOf(entries);
        if (entries.isEmpty()) throw new IllegalArgumentException("a dataset needs at least one entry");
        skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
    }

    /**
     * Reads {@code file}: a JSON list ({@link ShareGptReader}) when its first non-blank character is {@code [}, JSON
     * lines ({@link JsonlReader}) when it is <code>{</code>; hashes its bytes while reading (one pass).
     *
     * @param shown    the file as the user named it, for error messages
     * @param recorded the file as the report will name it
     * @throws DatasetException for an empty file, another format, a malformed entry or no usable entry at all
     * @throws IOException      when the file cannot be read
     */
    public static Dataset load(Path file, String shown, String recorded) throws IOException {
        MessageDigest sha = newSha256();
        try (InputStream raw = Files.newInputStream(file);
             BufferedInputStream in = new BufferedInputStream(new DigestInputStream(raw, sha), SNIFF)) {
            Sniffed first = sniff(in, shown);
            ReadEntries read = first.c() == '[' ? ShareGptReader.read(shown, in) : JsonlReader.read(shown, in);
            in.transferTo(OutputStream.nullOutputStream()); // the hash covers the whole file
            if (read.used().isEmpty()) {
                throw new DatasetException(shown, first.line(), "no usable entry" + (read.skipped().isEmpty() ? ""
                        : " (every entry skipped: " + skippedText(read.skipped()) + ")"));
            }
            return new Dataset(recorded, HexFormat.of().formatHex(sha.digest()), first.c() == '[' ? Format.JSON_LIST : Format.JSONL,
                    read.used(), read.skipped());
        }
    }

    private record Sniffed(int c, long line) {}

    /** The first character that is not blank space (or a BOM), and its line; the stream is left at its start. */
    private static Sniffed sniff(BufferedInputStream in, String shown) throws IOException {
        in.mark(SNIFF);
        long line = 1;
        int b;
        int read = 0;
        while ((b = in.read()) >= 0 && read++ < SNIFF) {
            if (b == '\n') line++;
            if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == 0xEF || b == 0xBB || b == 0xBF) continue;
            in.reset();
            if (b == '[' || b == '{') return new Sniffed(b, line);
            throw new DatasetException(shown, line, "neither a JSON list (ShareGPT, starting with '[') nor JSON lines"
                    + " (JSONL, one object per line starting with '{'): starts with " + shown(b));
        }
        if (b < 0) throw new DatasetException(shown, line, "empty file");
        throw new DatasetException(shown, line, "no JSON in the first " + SNIFF / 1024 + " KiB");
    }

    private static String shown(int b) {
        return b >= 0x20 && b < 0x7f ? "'" + (char) b + "'" : String.format("byte 0x%02x", b);
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Entries in the file: used plus skipped. */
    public int total() { return entries.size() + skipped.values().stream().mapToInt(Integer::intValue).sum(); }

    /** The prompts' lengths in tokens ({@link DatasetEntry#inputTokens}). */
    public LengthStats inputTokens() { return LengthStats.of(entries.stream().mapToInt(DatasetEntry::inputTokens).toArray()); }

    /** The output lengths the entries give (only those that give one). */
    public LengthStats outputTokens() {
        return LengthStats.of(entries.stream().filter(e -> e.maxTokens() != null).mapToInt(DatasetEntry::maxTokens).toArray());
    }

    /** E.g. {@code 120 used of 124 (4 skipped: 3 no human turn, 1 empty prompt)}. */
    public String entriesText() {
        return entries.size() + " used of " + total() + (skipped.isEmpty() ? "" : " (" + (total() - entries.size())
                + " skipped: " + skippedText(skipped) + ")");
    }

    /** The one line a run prints when entries were skipped, or empty when none was. */
    public Optional<String> skipNote() {
        if (skipped.isEmpty()) return Optional.empty();
        return Optional.of("dataset " + path + ": " + (total() - entries.size()) + " of " + total() + " entries skipped ("
                + skippedText(skipped) + ")");
    }

    private static String skippedText(Map<String, Integer> skipped) {
        return skipped.entrySet().stream().map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", "));
    }
}

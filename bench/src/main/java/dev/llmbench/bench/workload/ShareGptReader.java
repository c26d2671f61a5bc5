package dev.llmbench.bench.workload;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a JSON list of entries — ShareGPT's {@code [{"conversations": [...]}, ...]}, or entries of the other
 * {@linkplain EntryShapes shapes} — one entry at a time with Jackson's streaming parser, so a file of hundreds of
 * megabytes keeps only the prompts in memory. A problem names the entry's index and the line it starts on.
 */
final class ShareGptReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ShareGptReader() {}

    /**
     * The entries of the list in {@code in} (UTF-8, a BOM allowed), which is read to its end but not closed.
     *
     * @param shown the file as the user named it, for messages
     * @throws DatasetException for anything but a JSON list of well-formed entries
     */
    static ReadEntries read(String shown, InputStream in) throws IOException {
        List<DatasetEntry> used = new ArrayList<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        int index = -1;
        try (JsonParser p = MAPPER.createParser(in)) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_ARRAY) {
                throw new DatasetException(shown, line(p), "expected a JSON list of entries (ShareGPT), got " + token(t));
            }
            for (t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) throw new DatasetException(shown, line(p), "the list is not closed (truncated file?)");
                index++;
                long line = line(p);
                JsonNode node = MAPPER.readTree(p);
                if (node == null) node = NullNode.getInstance();
                try {
                    DatasetEntry e = EntryShapes.read(node, line, skipped);
                    if (e != null) used.add(e);
                } catch (EntryShapes.Problem problem) {
                    throw new DatasetException(shown, line, "entry " + index + ": " + problem.getMessage());
                }
            }
            index = -1; // past the list: a problem from here on is no entry's
            t = p.nextToken();
            if (t != null) throw new DatasetException(shown, line(p), "more JSON after the end of the list: " + token(t));
        } catch (JsonProcessingException e) {
            long line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
            String where = index >= 0 ? "entry " + index + ": " : "";
            throw new DatasetException(shown, line, where + "not valid JSON: " + e.getOriginalMessage());
        }
        return new ReadEntries(used, skipped);
    }

    private static long line(JsonParser p) { return Math.max(1, p.currentTokenLocation().getLineNr()); }

    private static String token(JsonToken t) {
        if (t == null) return "nothing";
        return switch (t) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> t.asString() == null ? t.name() : t.asString();
        };
    }
}

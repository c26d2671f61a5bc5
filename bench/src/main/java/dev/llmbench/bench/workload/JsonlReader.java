package dev.llmbench.bench.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON lines: one entry per line ({@code {"prompt": ..., "max_tokens": ...}}, {@code {"messages": [...]}} or a
 * ShareGPT {@code {"conversations": [...]}}, see {@link EntryShapes}); blank lines are not entries and are passed
 * over. A problem names its line.
 */
final class JsonlReader {
    /** One JSON value per line: {@code {"a": 1} {"b": 2}} on one line is an error, not two entries. */
    private static final ObjectReader LINE = new ObjectMapper().readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonlReader() {}

    /**
     * The entries of the lines in {@code in} (UTF-8, a BOM allowed), which is read to its end but not closed.
     *
     * @param shown the file as the user named it, for messages
     * @throws DatasetException naming the first line that is not a well-formed entry
     */
    static ReadEntries read(String shown, InputStream in) throws IOException {
        List<DatasetEntry> used = new ArrayList<>();
        Map<String, Integer> skipped = new LinkedHashMap<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        long line = 0;
        for (String s = r.readLine(); s != null; s = r.readLine()) {
            line++;
            if (line == 1 && s.startsWith("\uFEFF")) s = s.substring(1);
            if (s.isBlank()) continue;
            JsonNode node;
            try {
                node = LINE.readValue(s);
                if (node == null) node = NullNode.getInstance();
            } catch (JsonProcessingException e) {
                throw new DatasetException(shown, line, "not valid JSON: " + e.getOriginalMessage());
            }
            try {
                DatasetEntry entry = EntryShapes.read(node, line, skipped);
                if (entry != null) used.add(entry);
            } catch (EntryShapes.Problem problem) {
                throw new DatasetException(shown, line, problem.getMessage());
            }
        }
        return new ReadEntries(used, skipped);
    }
}

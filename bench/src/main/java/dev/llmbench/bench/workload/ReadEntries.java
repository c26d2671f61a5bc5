package dev.llmbench.bench.workload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a reader took from a file: the usable entries in file order and, per reason, how many it skipped.
 *
 * @param used    entries in file order
 * @param skipped count per reason ({@link EntryShapes#NO_HUMAN_TURN}, {@link EntryShapes#EMPTY_PROMPT}), in first-seen order
 */
record ReadEntries(List<DatasetEntry> used, Map<String, Integer> skipped) {
    ReadEntries {
        used = List.copyOf(used);
        skipped = Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
    }
}

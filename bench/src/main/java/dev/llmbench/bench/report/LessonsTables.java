package dev.llmbench.bench.report;

import dev.llmbench.bench.model.SweepResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Renders a sweep like the lessons document: per provider a heading, the table, and a "Reading" paragraph computed
 * from the numbers against the lesson claims about this sweep ({@link LessonClaims}); then the comparisons, the
 * sample-count notes and the harness overhead line. Sweeps no claim is about get the same layout without readings.
 */
public final class LessonsTables {
    private LessonsTables() {}

    /** The readings of every claim about this sweep whose subject provider took part in it. */
    public static List<LessonReading> readings(SweepResult result) {
        List<CellGroup> groups = CellGroup.of(result.cells());
        List<String> providers = SweepTables.providers(groups);
        return LessonClaims.about(result.sweep()).stream()
                .filter(c -> providers.contains(c.subject().provider()))
                .map(c -> LessonReading.of(c, groups)).toList();
    }

    /** The measured readings first, then the claims this run could not check in one sentence. */
    static String readingParagraph(List<LessonReading> rs) {
        List<String> parts = new ArrayList<>();
        rs.stream().filter(r -> r.verdict() != LessonReading.Verdict.NOT_MEASURED).forEach(r -> parts.add(r.sentence()));
        List<LessonReading> unmeasured = rs.stream().filter(r -> r.verdict() == LessonReading.Verdict.NOT_MEASURED).toList();
        if (!unmeasured.isEmpty()) {
            parts.add("Not measured in this run: " + unmeasured.stream().map(r -> "\"" + r.claim().statement() + "\" (" + r.missing() + ")")
                    .collect(Collectors.joining("; ")) + ".");
        }
        return "Reading (computed from the numbers above): " + String.join(" ", parts);
    }

    public static String render(SweepResult result) {
        if (result.sweep().equals("faults")) return FaultTable.render(result);
        if (result.sweep().equals("soak")) return SoakTable.render(result);
        List<CellGroup> groups = CellGroup.of(result.cells());
        if (groups.isEmpty()) return "_No cells were measured._\n";
        Map<String, List<LessonReading>> byProvider = readings(result).stream()
                .collect(Collectors.groupingBy(r -> r.claim().subject().provider()));
        boolean errors = SweepTables.hasErrors(groups);
        boolean variants = SweepTables.hasVariants(groups);
        boolean resources = SweepTables.showsResources(result.sweep());
        boolean waiting = SweepTables.hasWaiting(groups);
        StringBuilder sb = new StringBuilder();
        result.conclusions().forEach((k, v) -> sb.append("**").append(Character.toUpperCase(k.charAt(0))).append(k.substring(1))
                .append(":** ").append(v).append("\n\n"));
        SweepTables.byProvider(groups).forEach((provider, ofProvider) -> {
            sb.append(SweepTables.heading(result, provider)).append("\n\n")
                    .append(SweepTables.table(ofProvider, errors, variants, resources, waiting)).append('\n');
            List<LessonReading> rs = byProvider.getOrDefault(provider, List.of());
            if (!rs.isEmpty()) sb.append(readingParagraph(rs)).append("\n\n");
        });
        List<Figure> compared = new ArrayList<>(Comparisons.FIGURES);
        if (resources) compared.add(Figure.CPU_PER_1K_TOKENS);
        String comparisons = Comparisons.render(groups, compared);
        if (!comparisons.isEmpty()) sb.append(comparisons).append('\n');
        sb.append(SweepTables.notes(groups)).append('\n');
        String resourcesNote = SweepTables.resourcesNote(result);
        if (!resourcesNote.isEmpty()) sb.append(resourcesNote).append('\n');
        sb.append(SweepTables.overheadLine(result.cells()));
        return sb.toString();
    }
}

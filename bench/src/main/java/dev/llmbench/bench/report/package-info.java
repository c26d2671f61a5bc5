/**
 * Sweep reports, written against the result model ({@code dev.llmbench.bench.model}) only.
 *
 * <p>Entry points: {@link dev.llmbench.bench.report.ReportWriter#publish} (once per sweep run or lessons table: the
 * report folder's results.csv, results.json, table.md and PNG charts, then the sweep's RESULTS.md section),
 * {@link dev.llmbench.bench.report.ConsoleTable#render} (the table printed at the end of a run) and
 * {@link dev.llmbench.bench.report.RegenerateReport} (re-render a folder from its results.json).
 *
 * <p>Repeats are grouped by {@code CellKey.withoutRepeat()} ({@link dev.llmbench.bench.report.CellGroup}) and shown as
 * median (min–max); {@link dev.llmbench.bench.report.NoiseComparison} calls a difference "within noise" when the
 * ranges overlap. {@link dev.llmbench.bench.report.LessonClaims} holds the lessons document's claims as data, and
 * {@link dev.llmbench.bench.report.LessonReading} computes each verdict from the numbers.
 */
package dev.llmbench.bench.report;

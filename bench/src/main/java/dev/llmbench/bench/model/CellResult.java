package dev.llmbench.bench.model;

/**
 * One cell of a sweep: what was varied, what was measured, what is derived from it, and where its raw data is.
 *
 * @param key          what was varied
 * @param measured     what the driver measured
 * @param derived      the rates, cross-checks and cost computed from it
 * @param hlogFile     the cell's HdrHistogram log (values in µs), relative to the report folder, or null
 * @param leaks        threads and sockets left behind by the cell's client (guarded cells only), or null
 * @param requestsFile the cell's per-request records ({@code <slug>.requests.jsonl}, one {@link RequestRecord} a line,
 *                     warm-up included), relative to the report folder, or null (a result written before they existed)
 */
public record CellResult(CellKey key, CellMeasurement measured, CellDerived derived, String hlogFile, Leaks leaks,
                         String requestsFile) {

    /** A cell without a records file. */
    public CellResult(CellKey key, CellMeasurement measured, CellDerived derived, String hlogFile, Leaks leaks) {
        this(key, measured, derived, hlogFile, leaks, null);
    }

    /** A cell whose derived figures are computed from {@code measured} at the key's concurrency. */
    public static CellResult of(CellKey key, CellMeasurement measured, Double costUsd, String hlogFile, Leaks leaks,
                                String requestsFile) {
        return new CellResult(key, measured, CellDerived.of(measured, key.concurrency(), costUsd), hlogFile, leaks, requestsFile);
    }

    /** As {@link #of(CellKey, CellMeasurement, Double, String, Leaks, String)} without a records file. */
    public static CellResult of(CellKey key, CellMeasurement measured, Double costUsd, String hlogFile, Leaks leaks) {
        return of(key, measured, costUsd, hlogFile, leaks, null);
    }

    /** Shorthand for {@code measured().latency(m)}. */
    public Percentiles latency(Metric m) { return measured.latency(m); }

    /** Shorthand for {@code measured().outcomes()}. */
    public Outcomes outcomes() { return measured.outcomes(); }
}

/**
 * The JMH suite: microbenchmarks of the client's hot paths (SSE decoding, request encoding, cache key and cache,
 * AIMD limiter, HdrHistogram recording, client start-up) and end-to-end streaming against the embedded simulator.
 * Built into {@code bench/target/benchmarks.jar} by {@code mvn install}; run with
 * {@code java -jar bench/target/benchmarks.jar <regex> -rf json -rff reports/jmh/results.json}, render with
 * {@code mvn -pl bench exec:java -Dsweep=jmh}. Never run by {@code mvn test}.
 */
package dev.llmbench.bench.jmh;

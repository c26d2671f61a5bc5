package dev.llmbench.bench.model;

/**
 * One distinct error message of an error class in a cell and how many failed requests carried it. The message has
 * had the run's API keys masked and long numbers (ports, stream ids, sizes) replaced by {@code #}, so that one cause
 * reads as one message; {@link Outcomes#OTHER_MESSAGES} stands for every message past the most frequent few.
 */
public record ErrorMessage(String message, long count) {}

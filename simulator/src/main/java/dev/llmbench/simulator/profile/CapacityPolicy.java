package dev.llmbench.simulator.profile;

/** What a profile does with a request arriving when all of its generation slots are busy. */
public enum CapacityPolicy {
    /** Wait for a free slot; the wait adds to TTFT. */
    QUEUE,
    /** Answer at once with the provider's "overloaded" error (Anthropic 529). */
    REJECT
}

package dev.llmbench.client;

/**
 * A reasoning configuration. A request without one leaves the provider's default in place.
 * Gemini takes either a budget or a level, never both; Anthropic takes a budget.
 */
public sealed interface Thinking permits Thinking.Budget, Thinking.Level {

    /** A token budget; 0 turns thinking off (Gemini {@code thinkingBudget: 0}), -1 is dynamic. */
    record Budget(int tokens) implements Thinking {}

    /** A named level, e.g. Gemini {@code MINIMAL}, {@code LOW}, {@code MEDIUM}, {@code HIGH}. */
    record Level(String level) implements Thinking {
        public Level {
            if (level == null || level.isBlank()) throw new IllegalArgumentException("thinking level must not be blank");
        }
    }

    static Thinking off() { return new Budget(0); }
}

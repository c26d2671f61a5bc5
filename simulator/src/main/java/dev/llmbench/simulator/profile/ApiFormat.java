package dev.llmbench.simulator.profile;

/** The wire formats the simulator speaks; a profile names one as its native format (used for unknown routes). */
public enum ApiFormat {
    OPENAI, ANTHROPIC, GEMINI
}

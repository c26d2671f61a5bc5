package dev.llmbench.bench.cli;

/** A bad option: reported as one line naming the option, the bad value and the valid choices (exit code 2). */
public final class OptionException extends RuntimeException {
    private final String option;
    private final String value;
    private final String valid;

    public OptionException(String option, String value, String valid) {
        super("-D" + option + "=" + value + " is not valid; valid: " + valid, null, false, false);
        this.option = option;
        this.value = value;
        this.valid = valid;
    }

    public String option() { return option; }

    public String value() { return value; }

    public String valid() { return valid; }
}

package dev.llmbench.bench.cli;

import java.util.Objects;
import java.util.function.Function;

/**
 * One {@code -D} option, declared once in {@link Options}: its name, what it accepts, its default (and the default under
 * {@code -Dquick=true}), its help text, and the parser that turns the given text into a typed value. Parsing, validation,
 * {@code -Dsweep=help} and the one-line bad-input message ({@link OptionException}) all come from this declaration.
 * Which sweeps read an option is declared by each sweep ({@code Sweep.reads()}), so sweep names stay in the registry.
 *
 * @param <T> the option's type; {@code null} is a legal default meaning "not set" where the help text says so
 */
public final class Option<T> {
    private final String name;
    private final String accepts;
    private final String defaultText;
    private final String help;
    private final Function<String, T> parser;
    private final T defaultValue;
    private final T quickDefault;

    Option(String name, String accepts, String defaultText, String help, Function<String, T> parser, T defaultValue, T quickDefault) {
        this.name = Objects.requireNonNull(name);
        this.accepts = Objects.requireNonNull(accepts);
        this.defaultText = Objects.requireNonNull(defaultText);
        this.help = Objects.requireNonNull(help);
        this.parser = Objects.requireNonNull(parser);
        this.defaultValue = defaultValue;
        this.quickDefault = quickDefault;
    }

    /** The property name, without {@code -D}. */
    public String name() { return name; }

    /** What the option accepts, as the help and the bad-input message say it. */
    public String accepts() { return accepts; }

    /** The default as the help prints it. */
    public String defaultText() { return defaultText; }

    public String help() { return help; }

    /** The value when the option is not given. */
    public T defaultValue(boolean quick) { return quick ? quickDefault : defaultValue; }

    /**
     * The typed value of {@code text} (already trimmed, never blank).
     *
     * @throws OptionException naming this option, the text and what it accepts, when the parser rejects the text
     */
    public T parse(String text) {
        try {
            return parser.apply(text);
        } catch (OptionException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new OptionException(name, text, accepts);
        }
    }

    @Override
    public String toString() { return "-D" + name; }
}

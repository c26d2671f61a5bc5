package dev.llmbench.bench.workload;

import dev.llmbench.client.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The dataset readers on the example files under src/test/resources/datasets and on broken ones written here. */
class DatasetReadersTest {
    static final Path SHAREGPT = Path.of("src/test/resources/datasets/sharegpt.json");
    static final Path JSONL = Path.of("src/test/resources/datasets/prompts.jsonl");

    @TempDir
    Path dir;

    static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    @Test
    void shareGptTakesTheFirstHumanTurnAndSizesMaxTokensFromTheFirstGptTurn() throws Exception {
        Dataset d = Dataset.load(SHAREGPT, "sharegpt.json", "datasets/sharegpt.json");

        assertThat(d.format()).isEqualTo(Dataset.Format.JSON_LIST);
        assertThat(d.path()).isEqualTo("datasets/sharegpt.json");
        assertThat(d.sha256()).isEqualTo(sha256(SHAREGPT)).hasSize(64);
        assertThat(d.entries()).extracting(DatasetEntry::messages).containsExactly(
                List.of(Message.user("What is the capital of France? Answer briefly.")),
                List.of(Message.user("Name three primary colours.")), // later turns are not sent
                List.of(Message.user("Write a haiku about tail latency.")));
        assertThat(d.entries()).extracting(DatasetEntry::system).containsExactly(null, "You are terse.", null);
        // "The capital of France is Paris." = 31 bytes -> 8 tokens; the colours answer 57 bytes -> 15; f has no answer
        assertThat(d.entries()).extracting(DatasetEntry::maxTokens).containsExactly(8, 15, null);
        assertThat(d.entries()).extracting(DatasetEntry::line).containsExactly(2L, 6L, 21L);
        // c has only a gpt turn and d none: no human turn; e's prompt is blank
        assertThat(d.skipped()).containsExactly(java.util.Map.entry("no human turn", 2), java.util.Map.entry("empty prompt", 1));
        assertThat(d.total()).isEqualTo(6);
        assertThat(d.entriesText()).isEqualTo("3 used of 6 (3 skipped: 2 no human turn, 1 empty prompt)");
        assertThat(d.skipNote()).contains("dataset datasets/sharegpt.json: 3 of 6 entries skipped (2 no human turn, 1 empty prompt)");
    }

    @Test
    void shareGptLengthStatisticsAreOfThePromptsAsTheSimulatorCountsThem() throws Exception {
        Dataset d = Dataset.load(SHAREGPT, "s", "s");
        // a: 46 bytes -> 12; b: system 14 + prompt 27 = 41 bytes -> 11; f: 33 bytes -> 9
        LengthStats in = d.inputTokens();
        assertThat(in.count()).isEqualTo(3);
        assertThat(in.mean()).isCloseTo(32 / 3.0, within(1e-9));
        assertThat(List.of(in.p50(), in.p90(), in.max())).containsExactly(11, 12, 12);
        LengthStats out = d.outputTokens();
        assertThat(List.of(out.count(), out.p50(), out.p90(), out.max())).containsExactly(2, 8, 15, 15);
        assertThat(out.mean()).isEqualTo(11.5);
        assertThat(in.text()).isEqualTo("mean 10.7, p50 11, p90 12, max 12 (3 entries)");
    }

    @Test
    void jsonlTakesPromptsMessagesAndMaxTokensAndPassesOverBlankLines() throws Exception {
        Dataset d = Dataset.load(JSONL, "prompts.jsonl", "prompts.jsonl");

        assertThat(d.format()).isEqualTo(Dataset.Format.JSONL);
        assertThat(d.sha256()).isEqualTo(sha256(JSONL));
        assertThat(d.entries()).extracting(DatasetEntry::line).containsExactly(1L, 2L, 4L, 5L);
        assertThat(d.entries()).extracting(DatasetEntry::maxTokens).containsExactly(64, 12, 5, null);
        DatasetEntry chat = d.entries().get(2);
        assertThat(chat.system()).isEqualTo("You answer in one word.");
        assertThat(chat.messages()).containsExactly(Message.user("Capital of Japan?"), Message.assistant("Tokyo."),
                Message.user("And of Italy?"));
        assertThat(d.entries().get(3).messages()).containsExactly(Message.user("Écris un haïku sur la latence."));
        assertThat(d.skipped()).containsExactly(java.util.Map.entry("empty prompt", 1));
        // 46 bytes -> 12, 37 -> 10, 23+17+6+13 = 59 -> 15, 32 bytes (two accented letters) -> 8
        assertThat(d.entries()).extracting(DatasetEntry::inputTokens).containsExactly(12, 10, 15, 8);
        assertThat(d.outputTokens().text()).isEqualTo("mean 27.0, p50 12, p90 64, max 64 (3 entries)");
    }

    @Test
    void aBomAndAMinifiedListAreRead() throws Exception {
        Path f = dir.resolve("min.json");
        byte[] body = "[{\"conversations\":[{\"from\":\"human\",\"value\":\"hi\"}]},{\"prompt\":\"yo\",\"max_tokens\":3}]"
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(f, withBom);

        Dataset d = Dataset.load(f, "min.json", "min.json");
        assertThat(d.entries()).extracting(DatasetEntry::messages).containsExactly(List.of(Message.user("hi")), List.of(Message.user("yo")));
        assertThat(d.entries()).extracting(DatasetEntry::maxTokens).containsExactly(null, 3);
        assertThat(d.sha256()).isEqualTo(sha256(f)); // the BOM is hashed too: the file's bytes, all of them
    }

    @Test
    void aMaxTokensFieldWinsOverTheGptTurnsEstimate() throws Exception {
        Path f = Files.writeString(dir.resolve("m.jsonl"), "{\"conversations\": [{\"from\": \"human\", \"value\": \"q\"},"
                + " {\"from\": \"gpt\", \"value\": \"" + "x".repeat(400) + "\"}], \"max_tokens\": 7}\n"
                + "{\"conversations\": [{\"from\": \"gpt\", \"value\": \"early\"}, {\"from\": \"human\", \"value\": \"q\"},"
                + " {\"from\": \"bing\", \"value\": \"other speaker\"}, {\"from\": \"gpt\", \"value\": \"" + "y".repeat(40) + "\"}]}\n");
        Dataset d = Dataset.load(f, "m.jsonl", "m.jsonl");
        // the first entry's own max_tokens; the second's gpt turn after the prompt (40 bytes), not the one before it
        assertThat(d.entries()).extracting(DatasetEntry::maxTokens).containsExactly(7, 10);
    }

    /** Each broken file gives exactly one line: the file as named, the line, and what is wrong. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            // name | content (\n = newline) | expected message
            "not JSON|hello world\\n|b:1: neither a JSON list (ShareGPT, starting with '[') nor JSON lines (JSONL, one object per line starting with '{'): starts with 'h'",
            "empty file||b:1: empty file",
            "blank file|\\n  \\n|b:3: empty file",
            "a list of strings|[\\n  \"just text\"\\n]|b:2: entry 0: expected a JSON object, got a string",
            "conversations not a list|[\\n {\"conversations\": \"hi\"}\\n]|b:2: entry 0: \"conversations\" is not a list but a string",
            "turn without value|[\\n{\"conversations\": [{\"from\": \"human\", \"value\": \"a\"}]},\\n{\"conversations\": [{\"from\": \"human\"}]}\\n]|b:3: entry 1: conversations[0].value is missing",
            "turn value not text|[{\"conversations\": [{\"from\": \"human\", \"value\": 7}]}]|b:1: entry 0: conversations[0].value is not a string but a number",
            "no known shape|[{\"text\": \"hi\"}]|b:1: entry 0: expected \"conversations\" (ShareGPT), \"prompt\" or \"messages\"; found none",
            "two shapes|[{\"prompt\": \"a\", \"messages\": []}]|b:1: entry 0: more than one of \"conversations\", \"prompt\" and \"messages\": give one",
            "every entry skipped|[{\"conversations\": []}, {\"conversations\": [{\"from\": \"gpt\", \"value\": \"x\"}]}]|b:1: no usable entry (every entry skipped: 2 no human turn)",
            "empty list|[]|b:1: no usable entry",
            "content after the list|[{\"prompt\": \"a\"}]\\n[]|b:2: more JSON after the end of the list: a list",
            "a JSON string|\"text\"|b:1: neither a JSON list (ShareGPT, starting with '[') nor JSON lines (JSONL, one object per line starting with '{'): starts with '\"'",
            "bad max_tokens type|{\"prompt\": \"a\", \"max_tokens\": 3}\\n{\"prompt\": \"b\", \"max_tokens\": \"many\"}|b:2: \"max_tokens\" must be an integer >= 1, got \"many\"",
            "max_tokens zero|{\"prompt\": \"a\", \"max_tokens\": 0}|b:1: \"max_tokens\" must be an integer >= 1, got 0",
            "max_tokens fraction|{\"prompt\": \"a\", \"max_tokens\": 1.5}|b:1: \"max_tokens\" must be an integer >= 1, got 1.5",
            "prompt not text|{\"prompt\": [\"a\"]}|b:1: \"prompt\" is not a string but a list",
            "missing field|{\"prompt\": \"a\"}\\n\\n{\"max_tokens\": 5}|b:3: expected \"conversations\" (ShareGPT), \"prompt\" or \"messages\"; found none",
            "a line that is a list|{\"prompt\": \"a\"}\\n[1, 2]|b:2: expected a JSON object, got a list",
            "unknown role|{\"messages\": [{\"role\": \"tool\", \"content\": \"x\"}]}|b:1: messages[0].role is \"tool\"; valid: system, user, assistant",
            "message without content|{\"messages\": [{\"role\": \"user\"}]}|b:1: messages[0].content is missing",
            "only a system message|{\"messages\": [{\"role\": \"system\", \"content\": \"x\"}]}|b:1: \"messages\" has no user or assistant message",
            "messages not a list|{\"messages\": {\"role\": \"user\"}}|b:1: \"messages\" is not a list but an object",
    })
    void aBrokenFileIsOneLineNamingFileAndLine(String name, String content, String expected) throws IOException {
        Path f = dir.resolve("b");
        Files.writeString(f, content == null ? "" : content.replace("\\n", "\n"));

        assertThatThrownBy(() -> Dataset.load(f, "b", "b")).isInstanceOf(DatasetException.class).hasMessage(expected)
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1));
    }

    @Test
    void malformedJsonNamesTheLineAndForAListTheEntry() throws IOException {
        Path truncated = Files.writeString(dir.resolve("t.json"),
                "[\n{\"conversations\": [{\"from\": \"human\", \"value\": \"a\"}]},\n{\"conversations\": [");
        assertThatThrownBy(() -> Dataset.load(truncated, "t.json", "t.json")).isInstanceOf(DatasetException.class)
                .hasMessageStartingWith("t.json:3: entry 1: not valid JSON: Unexpected end-of-input")
                .satisfies(e -> assertThat(e.getMessage().lines()).hasSize(1))
                .satisfies(e -> assertThat(((DatasetException) e).line()).isEqualTo(3));

        Path badLine = Files.writeString(dir.resolve("l.jsonl"), "{\"prompt\": \"a\"}\n{\"prompt\": \"b\"\n");
        assertThatThrownBy(() -> Dataset.load(badLine, "l.jsonl", "l.jsonl"))
                .hasMessageStartingWith("l.jsonl:2: not valid JSON: Unexpected end-of-input");

        Path twoOnALine = Files.writeString(dir.resolve("two.jsonl"), "{\"prompt\": \"a\"} {\"prompt\": \"b\"}\n");
        assertThatThrownBy(() -> Dataset.load(twoOnALine, "two.jsonl", "two.jsonl"))
                .hasMessageStartingWith("two.jsonl:1: not valid JSON: Trailing token");
    }
}

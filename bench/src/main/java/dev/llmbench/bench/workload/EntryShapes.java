package dev.llmbench.bench.workload;

import com.fasterxml.jackson.databind.JsonNode;
import dev.llmbench.client.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one dataset entry may look like, in a JSON list or on a JSONL line alike:
 * <ul>
 *   <li>ShareGPT {@code {"conversations": [{"from": "human", "value": "..."}, {"from": "gpt", "value": "..."}, ...]}}:
 *       the first {@code human} (or {@code user}) turn is the prompt, a {@code system} turn before it the system
 *       prompt, and the first {@code gpt} (or {@code assistant}) turn after it sets max_tokens to its
 *       {@linkplain TokenEstimate estimated} length, as vLLM's benchmark does with its tokenizer; other turns (and
 *       other speakers) are not sent. No human turn or a blank prompt: the entry is skipped and counted.</li>
 *   <li>{@code {"prompt": "...", "max_tokens": N}}: one user message; {@code max_tokens} is optional. A blank prompt
 *       is skipped and counted.</li>
 *   <li>{@code {"messages": [{"role": "system" | "user" | "assistant", "content": "..."}, ...], "max_tokens": N}}: the
 *       conversation as given, system messages joined into the system prompt. Only blank messages: skipped.</li>
 * </ul>
 * A {@code max_tokens} field is read in every shape (in a ShareGPT entry it wins over the gpt turn's estimate).
 * Anything else (another type, a missing or mistyped field, an unknown role) is a {@link Problem}: the file is not
 * what it claims to be, so it is never skipped silently.
 */
final class EntryShapes {
    static final String NO_HUMAN_TURN = "no human turn";
    static final String EMPTY_PROMPT = "empty prompt";

    private EntryShapes() {}

    /** Why an entry is unusable, without its location (the reader adds file, line and index). */
    static final class Problem extends RuntimeException {
        Problem(String message) { super(message, null, false, false); }
    }

    /**
     * The entry {@code node} describes, or null when it is skipped (then {@code skipped} counts it under its reason).
     *
     * @throws Problem when it has none of the shapes above
     */
    static DatasetEntry read(JsonNode node, long line, Map<String, Integer> skipped) {
        if (!node.isObject()) throw new Problem("expected a JSON object, got " + typeName(node));
        int shapes = (node.has("conversations") ? 1 : 0) + (node.has("prompt") ? 1 : 0) + (node.has("messages") ? 1 : 0);
        if (shapes == 0) throw new Problem("expected \"conversations\" (ShareGPT), \"prompt\" or \"messages\"; found none");
        if (shapes > 1) throw new Problem("more than one of \"conversations\", \"prompt\" and \"messages\": give one");
        Integer maxTokens = maxTokens(node);
        if (node.has("conversations")) return conversation(node.get("conversations"), line, maxTokens, skipped);
        if (node.has("prompt")) {
            String prompt = text(node.get("prompt"), "\"prompt\"");
            if (prompt.isBlank()) return skip(skipped, EMPTY_PROMPT);
            return new DatasetEntry(line, null, List.of(Message.user(prompt)), maxTokens);
        }
        return messages(node.get("messages"), line, maxTokens, skipped);
    }

    private static DatasetEntry conversation(JsonNode turns, long line, Integer maxTokens, Map<String, Integer> skipped) {
        if (!turns.isArray()) throw new Problem("\"conversations\" is not a list but " + typeName(turns));
        String system = null;
        String prompt = null;
        String answer = null;
        for (int i = 0; i < turns.size(); i++) {
            JsonNode t = turns.get(i);
            String where = "conversations[" + i + "]";
            if (!t.isObject()) throw new Problem(where + " is not an object but " + typeName(t));
            String from = text(t.get("from"), where + ".from").toLowerCase(Locale.ROOT);
            String value = text(t.get("value"), where + ".value");
            switch (from) {
                case "system" -> { if (prompt == null && system == null) system = value; }
                case "human", "user" -> { if (prompt == null) prompt = value; }
                case "gpt", "assistant", "chatgpt" -> { if (prompt != null && answer == null) answer = value; }
                default -> { } // other speakers are not part of the request
            }
        }
        if (prompt == null) return skip(skipped, NO_HUMAN_TURN);
        if (prompt.isBlank()) return skip(skipped, EMPTY_PROMPT);
        Integer length = maxTokens != null ? maxTokens : answer == null ? null : TokenEstimate.of(answer);
        return new DatasetEntry(line, system == null || system.isBlank() ? null : system, List.of(Message.user(prompt)), length);
    }

    private static DatasetEntry messages(JsonNode list, long line, Integer maxTokens, Map<String, Integer> skipped) {
        if (!list.isArray()) throw new Problem("\"messages\" is not a list but " + typeName(list));
        List<String> system = new ArrayList<>();
        List<Message> messages = new ArrayList<>();
        boolean blank = true;
        for (int i = 0; i < list.size(); i++) {
            JsonNode m = list.get(i);
            String where = "messages[" + i + "]";
            if (!m.isObject()) throw new Problem(where + " is not an object but " + typeName(m));
            String role = text(m.get("role"), where + ".role");
            String content = text(m.get("content"), where + ".content");
            switch (role) {
                case "system" -> system.add(content);
                case "user" -> messages.add(Message.user(content));
                case "assistant" -> messages.add(Message.assistant(content));
                default -> throw new Problem(where + ".role is \"" + role + "\"; valid: system, user, assistant");
            }
            if (!role.equals("system") && !content.isBlank()) blank = false;
        }
        if (messages.isEmpty()) throw new Problem("\"messages\" has no user or assistant message");
        if (blank) return skip(skipped, EMPTY_PROMPT);
        String joined = String.join("\n\n", system);
        return new DatasetEntry(line, joined.isBlank() ? null : joined, messages, maxTokens);
    }

    private static Integer maxTokens(JsonNode node) {
        JsonNode v = node.get("max_tokens");
        if (v == null || v.isNull()) return null;
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
            throw new Problem("\"max_tokens\" must be an integer >= 1, got " + abbreviated(v));
        }
        return v.asInt();
    }

    private static String text(JsonNode v, String what) {
        if (v == null) throw new Problem(what + " is missing");
        if (!v.isTextual()) throw new Problem(what + " is not a string but " + typeName(v));
        return v.asText();
    }

    private static DatasetEntry skip(Map<String, Integer> skipped, String reason) {
        skipped.merge(reason, 1, Integer::sum);
        return null;
    }

    private static String abbreviated(JsonNode v) {
        String s = v.toString();
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    static String typeName(JsonNode n) {
        if (n.isObject()) return "an object";
        if (n.isArray()) return "a list";
        if (n.isTextual()) return "a string";
        if (n.isNumber()) return "a number";
        if (n.isBoolean()) return "a boolean";
        if (n.isNull()) return "null";
        return n.getNodeType().name().toLowerCase(Locale.ROOT);
    }
}

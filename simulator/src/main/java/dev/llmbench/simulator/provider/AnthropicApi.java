package dev.llmbench.simulator.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.llmbench.simulator.profile.FaultKind;
import dev.llmbench.simulator.profile.Profile;
import dev.llmbench.simulator.server.Exchange;

import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** Anthropic Messages. */
final class AnthropicApi implements ProviderApi {
    static final AnthropicApi INSTANCE = new AnthropicApi();

    private AnthropicApi() {}

    @Override
    public String apiKey(Exchange exchange) {
        String key = exchange.header("x-api-key");
        if (key != null && !key.isBlank()) return key.trim();
        // anthropic-java 3.x sends a static API key as "Authorization: Bearer <key>"; the API accepts both.
        return OpenAiApi.INSTANCE.apiKey(exchange);
    }

    static String newRequestId() {
        return "req_011C" + Ids.alphanumeric(ThreadLocalRandom.current(), 20);
    }

    static Reply error(int status, String type, String message, Map<String, String> headers) {
        String requestId = newRequestId();
        ObjectNode root = Json.object();
        root.put("type", "error");
        ObjectNode err = root.putObject("error");
        err.put("type", type);
        err.put("message", message);
        root.put("request_id", requestId);
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("content-type", "application/json");
        h.put("request-id", requestId);
        return new Reply(status, h, Json.bytes(root));
    }

    private static Parsed invalid(String message) {
        return Parsed.fail(error(400, "invalid_request_error", message, Map.of()));
    }

    @Override
    public Reply badRequest(String message) { return error(400, "invalid_request_error", message, Map.of()); }

    @Override
    public Reply missingKey() { return error(401, "authentication_error", "x-api-key header is required", Map.of()); }

    @Override
    public Reply invalidKey() { return error(401, "authentication_error", "invalid x-api-key", Map.of()); }

    @Override
    public Reply notFound(Exchange exchange) { return error(404, "not_found_error", "Not found", Map.of()); }

    @Override
    public Reply checkHeaders(Exchange exchange) {
        String v = exchange.header("anthropic-version");
        if (v == null || v.isBlank()) return error(400, "invalid_request_error", "anthropic-version: header is required", Map.of());
        if (!v.trim().matches("\\d{4}-\\d{2}-\\d{2}")) {
            return error(400, "invalid_request_error", "anthropic-version: invalid version '" + v.trim() + "'", Map.of());
        }
        return null;
    }

    @Override
    public Parsed parse(Exchange exchange, String pathModel, Profile profile) {
        JsonNode root = Json.parse(exchange.body());
        if (root == null || !root.isObject()) return invalid("There was an error parsing the body of your request: the body is not valid JSON");
        JsonNode model = root.get("model");
        if (model == null || model.isNull()) return invalid("model: Field required");
        if (!model.isTextual() || model.asText().isEmpty()) return invalid("model: Input should be a valid string");
        JsonNode maxTokens = root.get("max_tokens");
        if (maxTokens == null || maxTokens.isNull()) return invalid("max_tokens: Field required");
        if (!maxTokens.isIntegralNumber() || !maxTokens.canConvertToInt()) return invalid("max_tokens: Input should be a valid integer");
        if (maxTokens.asInt() < 1) return invalid("max_tokens: Input should be greater than or equal to 1");
        JsonNode messages = root.get("messages");
        if (messages == null || messages.isNull()) return invalid("messages: Field required");
        if (!messages.isArray()) return invalid("messages: Input should be a valid list");
        if (messages.isEmpty()) return invalid("messages: List should have at least 1 item after validation, not 0");
        ByteArrayOutputStream prompt = new ByteArrayOutputStream();
        Json.collectText(root.get("system"), prompt);
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String role = m.path("role").asText("");
            if (!role.equals("user") && !role.equals("assistant")) {
                return invalid("messages." + i + ".role: Input should be 'user' or 'assistant'");
            }
            Json.collectText(m.get("content"), prompt);
        }
        JsonNode streamNode = root.get("stream");
        if (streamNode != null && !streamNode.isNull() && !streamNode.isBoolean()) return invalid("stream: Input should be a valid boolean");
        boolean thinking = false;
        int budget = 0;
        JsonNode t = root.get("thinking");
        if (t != null && !t.isNull()) {
            String type = t.path("type").asText("");
            if (type.equals("enabled")) {
                JsonNode b = t.get("budget_tokens");
                if (b == null || !b.isIntegralNumber()) return invalid("thinking.enabled.budget_tokens: Field required");
                if (b.asInt() < 1024) return invalid("thinking.enabled.budget_tokens: Input should be greater than or equal to 1024");
                if (b.asInt() >= maxTokens.asInt()) {
                    return invalid("`max_tokens` must be greater than `thinking.budget_tokens`. Please consult our documentation at"
                            + " https://docs.claude.com/en/docs/build-with-claude/extended-thinking#max-tokens-and-context-window-size");
                }
                thinking = true;
                budget = b.asInt();
            } else if (!type.equals("disabled")) {
                return invalid("thinking: Input tag '" + type + "' found using 'type' does not match any of the expected tags: 'disabled', 'enabled'");
            }
        }
        return Parsed.ok(new GenerationRequest(model.asText(), streamNode != null && streamNode.asBoolean(false),
                maxTokens.asInt(), false, thinking, budget, thinking, Json.containsField(root, "cache_control"),
                prompt.toByteArray(), true));
    }

    private static Map<String, String> limitHeaders(Admission a) {
        Map<String, String> h = new LinkedHashMap<>();
        if (a.requestsLimit() > 0) {
            h.put("anthropic-ratelimit-requests-limit", Long.toString(a.requestsLimit()));
            h.put("anthropic-ratelimit-requests-remaining", Long.toString(a.requestsRemaining()));
            h.put("anthropic-ratelimit-requests-reset", Durations.rfc3339After(a.requestsResetMillis()));
        }
        if (a.tokensLimit() > 0) {
            // One token bucket stands for Anthropic's input and output buckets; all three header families report it.
            for (String kind : new String[] {"tokens", "input-tokens", "output-tokens"}) {
                h.put("anthropic-ratelimit-" + kind + "-limit", Long.toString(a.tokensLimit()));
                h.put("anthropic-ratelimit-" + kind + "-remaining", Long.toString(a.tokensRemaining()));
                h.put("anthropic-ratelimit-" + kind + "-reset", Durations.rfc3339After(a.tokensResetMillis()));
            }
        }
        return h;
    }

    @Override
    public Reply rateLimited(Admission a, String model) {
        String what = switch (a.denied()) {
            case TOKENS -> a.tokensLimit() + " input tokens per minute";
            case CONCURRENCY -> a.concurrencyLimit() + " concurrent requests";
            default -> a.requestsLimit() + " requests per minute";
        };
        Map<String, String> h = limitHeaders(a);
        h.put("retry-after", Long.toString(Durations.retryAfterSeconds(a.retryAfterMillis())));
        return error(429, "rate_limit_error", "This request would exceed the rate limit for your organization (org-simulated) of "
                + what + ". For details, refer to: https://docs.claude.com/en/api/rate-limits. You can see the response headers"
                + " for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later.", h);
    }

    @Override
    public Reply fault(FaultKind kind, String model) {
        return switch (kind) {
            case RATE_LIMIT -> rateLimited(new Admission(Admission.Limit.REQUESTS, 1000, 1, 0, 1000, 0, 0, 0, 0, 0), model);
            case OVERLOADED -> error(529, "overloaded_error", "Overloaded", Map.of());
            case HTTP_503 -> error(503, "api_error", "Service unavailable", Map.of());
            default -> error(500, "api_error", "Internal server error", Map.of());
        };
    }

    @Override
    public Map<String, String> successHeaders(Admission admission, boolean stream, String requestId) {
        Map<String, String> h = limitHeaders(admission);
        h.put("content-type", stream ? "text/event-stream; charset=utf-8" : "application/json");
        h.put("request-id", requestId);
        if (stream) h.put("cache-control", "no-cache");
        return h;
    }

    @Override
    public EventEncoder encoder(Completion completion, GenerationRequest request, boolean groundTruth) {
        return new AnthropicEncoder(completion, groundTruth);
    }

    static int uncachedInput(Completion c) {
        return Math.max(0, c.promptTokens() - c.cachedTokens() - c.cacheCreationTokens());
    }

    static String stopReason(Completion c) { return c.hitMaxTokens() ? "max_tokens" : "end_turn"; }

    static ObjectNode usage(Completion c, int outputTokens) {
        ObjectNode u = Json.object();
        u.put("input_tokens", uncachedInput(c));
        u.put("cache_creation_input_tokens", c.cacheCreationTokens());
        u.put("cache_read_input_tokens", c.cachedTokens());
        u.put("output_tokens", outputTokens);
        return u;
    }

    @Override
    public byte[] wholeBody(Completion c, GenerationRequest request) {
        ObjectNode root = Json.object();
        root.put("id", c.id());
        root.put("type", "message");
        root.put("role", "assistant");
        root.put("model", c.model());
        ArrayNode content = root.putArray("content");
        if (c.visibleThoughts() && c.thoughtTokens() > 0) {
            ObjectNode th = content.addObject();
            th.put("type", "thinking");
            th.put("thinking", Vocabulary.text(c.thoughtTokens(), true));
            th.put("signature", AnthropicEncoder.SIGNATURE);
        }
        ObjectNode text = content.addObject();
        text.put("type", "text");
        text.put("text", Vocabulary.text(c.answerTokens(), false));
        root.put("stop_reason", stopReason(c));
        root.putNull("stop_sequence");
        root.set("usage", usage(c, c.outputTokens()));
        return Json.bytes(root);
    }

    @Override
    public String responseId(String random) { return "msg_01" + random; }

    @Override
    public Reply models(Profile profile) {
        ObjectNode root = Json.object();
        ArrayNode data = root.putArray("data");
        for (String m : profile.models()) {
            ObjectNode o = data.addObject();
            o.put("type", "model");
            o.put("id", m);
            o.put("display_name", m);
            o.put("created_at", "2025-10-01T00:00:00Z");
        }
        root.put("has_more", false);
        if (profile.models().isEmpty()) {
            root.putNull("first_id");
            root.putNull("last_id");
        } else {
            root.put("first_id", profile.models().get(0));
            root.put("last_id", profile.models().get(profile.models().size() - 1));
        }
        return new Reply(200, Map.of("content-type", "application/json"), Json.bytes(root));
    }
}

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
import java.util.Set;

/** OpenAI Chat Completions (also Together and other OpenAI-compatible servers). */
final class OpenAiApi implements ProviderApi {
    static final OpenAiApi INSTANCE = new OpenAiApi();
    private static final Set<String> EFFORTS = Set.of("none", "minimal", "low", "medium", "high");

    private OpenAiApi() {}

    @Override
    public String apiKey(Exchange exchange) {
        String auth = exchange.header("authorization");
        if (auth == null || !auth.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
        String key = auth.substring(7).trim();
        return key.isEmpty() ? null : key;
    }

    static Reply error(int status, String message, String type, String param, String code, Map<String, String> headers) {
        ObjectNode err = Json.object();
        err.put("message", message);
        err.put("type", type);
        if (param == null) err.putNull("param"); else err.put("param", param);
        if (code == null) err.putNull("code"); else err.put("code", code);
        ObjectNode root = Json.object();
        root.set("error", err);
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("content-type", "application/json");
        return new Reply(status, h, Json.bytes(root));
    }

    private static Reply badRequest(String message, String param, String code) {
        return error(400, message, "invalid_request_error", param, code, Map.of());
    }

    @Override
    public Reply badRequest(String message) { return badRequest(message, null, null); }

    @Override
    public Reply missingKey() {
        return error(401, "You didn't provide an API key. You need to provide your API key in an Authorization header using"
                + " Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if"
                + " you're accessing the API from your browser and are prompted for a username. You can obtain an API key"
                + " from https://platform.openai.com/account/api-keys.", "invalid_request_error", null, null, Map.of());
    }

    @Override
    public Reply invalidKey() {
        // The real message echoes a masked key; the simulator never puts a key in a body.
        return error(401, "Incorrect API key provided. You can find your API key at https://platform.openai.com/account/api-keys.",
                "invalid_request_error", null, "invalid_api_key", Map.of());
    }

    @Override
    public Reply notFound(Exchange exchange) {
        return error(404, "Invalid URL (" + exchange.method() + " " + exchange.path() + ")", "invalid_request_error", null, null, Map.of());
    }

    @Override
    public Parsed parse(Exchange exchange, String pathModel, Profile profile) {
        JsonNode root = Json.parse(exchange.body());
        if (root == null || !root.isObject()) {
            return Parsed.fail(badRequest("We could not parse the JSON body of your request. (HINT: This likely means you"
                    + " aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was"
                    + " not valid JSON. If you have trouble figuring out how to fix this, please contact us through our help"
                    + " center at help.openai.com.)", null, null));
        }
        JsonNode model = root.get("model");
        if (model == null || !model.isTextual() || model.asText().isEmpty()) {
            return Parsed.fail(badRequest("you must provide a model parameter", null, null));
        }
        JsonNode messages = root.get("messages");
        if (messages == null || messages.isNull()) {
            return Parsed.fail(badRequest("Missing required parameter: 'messages'.", "messages", "missing_required_parameter"));
        }
        if (!messages.isArray()) {
            return Parsed.fail(badRequest("Invalid type for 'messages': expected an array of objects, but got "
                    + typeName(messages) + " instead.", "messages", "invalid_type"));
        }
        if (messages.isEmpty()) {
            return Parsed.fail(badRequest("Invalid 'messages': empty array. Expected an array with minimum length 1, but got"
                    + " an empty array instead.", "messages", "empty_array"));
        }
        ByteArrayOutputStream prompt = new ByteArrayOutputStream();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            if (!m.isObject() || !m.path("role").isTextual()) {
                return Parsed.fail(badRequest("Missing required parameter: 'messages[" + i + "].role'.",
                        "messages[" + i + "].role", "missing_required_parameter"));
            }
            Json.collectText(m.get("content"), prompt);
        }
        int maxTokens = 0;
        for (String field : new String[] {"max_completion_tokens", "max_tokens"}) {
            JsonNode v = root.get(field);
            if (v == null || v.isNull()) continue;
            if (!v.canConvertToInt() || !v.isIntegralNumber()) {
                return Parsed.fail(badRequest("Invalid type for '" + field + "': expected an integer, but got "
                        + typeName(v) + " instead.", field, "invalid_type"));
            }
            if (v.asInt() < 1) {
                return Parsed.fail(badRequest("Invalid '" + field + "': integer below minimum value. Expected a value >= 1,"
                        + " but got " + v.asInt() + " instead.", field, "integer_below_min_value"));
            }
            maxTokens = v.asInt();
            break;
        }
        JsonNode streamNode = root.get("stream");
        if (streamNode != null && !streamNode.isNull() && !streamNode.isBoolean()) {
            return Parsed.fail(badRequest("Invalid type for 'stream': expected a boolean, but got " + typeName(streamNode)
                    + " instead.", "stream", "invalid_type"));
        }
        boolean stream = streamNode != null && streamNode.asBoolean(false);
        JsonNode options = root.get("stream_options");
        if (options != null && !options.isNull() && !stream) {
            return Parsed.fail(badRequest("The 'stream_options' parameter is only allowed when 'stream' is enabled.",
                    "stream_options", null));
        }
        boolean includeUsage = options != null && options.path("include_usage").asBoolean(false);
        boolean thinking = reasoningModel(model.asText());
        JsonNode effort = root.get("reasoning_effort");
        if (effort != null && !effort.isNull()) {
            if (!effort.isTextual() || !EFFORTS.contains(effort.asText())) {
                return Parsed.fail(badRequest("Invalid value: '" + effort.asText() + "'. Supported values are: 'none',"
                        + " 'minimal', 'low', 'medium', and 'high'.", "reasoning_effort", "invalid_value"));
            }
            thinking = !effort.asText().equals("none");
        }
        return Parsed.ok(new GenerationRequest(model.asText(), stream, maxTokens, includeUsage, thinking, 0, false,
                false, prompt.toByteArray(), true));
    }

    /** {@code o1*}, {@code o3*}, {@code o4*}: reasoning models, which think by default. */
    private static boolean reasoningModel(String model) {
        return model.length() >= 2 && model.charAt(0) == 'o' && "134".indexOf(model.charAt(1)) >= 0;
    }

    private static String typeName(JsonNode n) {
        if (n.isTextual()) return "a string";
        if (n.isNumber()) return n.isIntegralNumber() ? "an integer" : "a decimal";
        if (n.isBoolean()) return "a boolean";
        if (n.isObject()) return "an object";
        if (n.isArray()) return "an array";
        return "null";
    }

    @Override
    public Reply rateLimited(Admission a, String model) {
        String what;
        long limit;
        long requested;
        String type;
        switch (a.denied()) {
            case TOKENS -> { what = "tokens per min (TPM)"; limit = a.tokensLimit(); requested = a.requestedTokens(); type = "tokens"; }
            case CONCURRENCY -> { what = "concurrent requests"; limit = a.concurrencyLimit(); requested = 1; type = "requests"; }
            default -> { what = "requests per min (RPM)"; limit = a.requestsLimit(); requested = 1; type = "requests"; }
        }
        long used = a.denied() == Admission.Limit.TOKENS ? limit - a.tokensRemaining()
                : a.denied() == Admission.Limit.CONCURRENCY ? limit : limit - a.requestsRemaining();
        String message = "Rate limit reached for " + model + " in organization org-simulated on " + what + ": Limit "
                + limit + ", Used " + used + ", Requested " + requested + ". Please try again in "
                + Durations.goStyle(a.retryAfterMillis()) + ". Visit https://platform.openai.com/account/rate-limits to learn more.";
        Map<String, String> h = limitHeaders(a);
        h.put("retry-after", Long.toString(Durations.retryAfterSeconds(a.retryAfterMillis())));
        h.put("retry-after-ms", Long.toString(a.retryAfterMillis()));
        return error(429, message, type, null, "rate_limit_exceeded", h);
    }

    @Override
    public Reply fault(FaultKind kind, String model) {
        return switch (kind) {
            case RATE_LIMIT -> rateLimited(new Admission(Admission.Limit.REQUESTS, 1000, 1, 0, 1000, 0, 0, 0, 0, 0), model);
            case HTTP_503 -> error(503, "The server is overloaded or not ready yet.", "server_error", null, null, Map.of());
            case OVERLOADED -> error(529, "The engine is currently overloaded, please try again later.", "server_error", null, null, Map.of());
            default -> error(500, "The server had an error while processing your request. Sorry about that!", "server_error",
                    null, null, Map.of());
        };
    }

    private static Map<String, String> limitHeaders(Admission a) {
        Map<String, String> h = new LinkedHashMap<>();
        if (a.requestsLimit() > 0) {
            h.put("x-ratelimit-limit-requests", Long.toString(a.requestsLimit()));
            h.put("x-ratelimit-remaining-requests", Long.toString(a.requestsRemaining()));
            h.put("x-ratelimit-reset-requests", Durations.goStyle(a.requestsResetMillis()));
        }
        if (a.tokensLimit() > 0) {
            h.put("x-ratelimit-limit-tokens", Long.toString(a.tokensLimit()));
            h.put("x-ratelimit-remaining-tokens", Long.toString(a.tokensRemaining()));
            h.put("x-ratelimit-reset-tokens", Durations.goStyle(a.tokensResetMillis()));
        }
        return h;
    }

    @Override
    public Map<String, String> successHeaders(Admission admission, boolean stream, String requestId) {
        Map<String, String> h = limitHeaders(admission);
        h.put("content-type", stream ? "text/event-stream; charset=utf-8" : "application/json");
        h.put("x-request-id", requestId);
        h.put("openai-version", "2020-10-01");
        if (stream) h.put("cache-control", "no-cache");
        return h;
    }

    @Override
    public EventEncoder encoder(Completion completion, GenerationRequest request, boolean groundTruth) {
        return new OpenAiEncoder(completion, request.includeUsage(), groundTruth);
    }

    static ObjectNode usage(Completion c) {
        ObjectNode u = Json.object();
        u.put("prompt_tokens", c.promptTokens());
        u.put("completion_tokens", c.outputTokens());
        u.put("total_tokens", c.promptTokens() + c.outputTokens());
        ObjectNode pd = u.putObject("prompt_tokens_details");
        pd.put("cached_tokens", c.cachedTokens());
        pd.put("audio_tokens", 0);
        ObjectNode cd = u.putObject("completion_tokens_details");
        cd.put("reasoning_tokens", c.thoughtTokens());
        cd.put("audio_tokens", 0);
        cd.put("accepted_prediction_tokens", 0);
        cd.put("rejected_prediction_tokens", 0);
        return u;
    }

    static String finishReason(Completion c) { return c.hitMaxTokens() ? "length" : c.stopReason(); }

    @Override
    public byte[] wholeBody(Completion c, GenerationRequest request) {
        ObjectNode root = Json.object();
        root.put("id", c.id());
        root.put("object", "chat.completion");
        root.put("created", c.created());
        root.put("model", c.model());
        ArrayNode choices = root.putArray("choices");
        ObjectNode choice = choices.addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant");
        message.put("content", Vocabulary.text(c.answerTokens(), false));
        message.putNull("refusal");
        message.putArray("annotations");
        choice.putNull("logprobs");
        choice.put("finish_reason", finishReason(c));
        root.set("usage", usage(c));
        root.put("service_tier", "default");
        root.put("system_fingerprint", OpenAiEncoder.FINGERPRINT);
        return Json.bytes(root);
    }

    @Override
    public String responseId(String random) { return "chatcmpl-" + random; }

    @Override
    public Reply models(Profile profile) {
        ObjectNode root = Json.object();
        root.put("object", "list");
        ArrayNode data = root.putArray("data");
        for (String m : profile.models()) {
            ObjectNode o = data.addObject();
            o.put("id", m);
            o.put("object", "model");
            o.put("created", 1_700_000_000L);
            o.put("owned_by", "system");
        }
        return new Reply(200, Map.of("content-type", "application/json"), Json.bytes(root));
    }
}

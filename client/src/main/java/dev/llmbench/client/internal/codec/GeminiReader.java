package dev.llmbench.client.internal.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.llmbench.client.internal.sse.CharView;

import java.io.IOException;
import java.util.Arrays;

/**
 * Reads Gemini {@code GenerateContentResponse} objects (each stream frame, or the whole non-streaming body): text of
 * {@code candidates[0].content.parts[]} ({@code "thought": true} parts are thought text), {@code finishReason},
 * {@code usageMetadata}, {@code modelVersion}, {@code promptFeedback.blockReason} (reported as the finish reason) and
 * {@code error}.
 *
 * <p>Usage mapping: input = {@code promptTokenCount} (it already includes cached tokens), cached =
 * {@code cachedContentTokenCount}, output = {@code candidatesTokenCount + thoughtsTokenCount} (Gemini bills thoughts as
 * output but counts them apart), reasoning = {@code thoughtsTokenCount}. Gemini repeats usageMetadata on every frame;
 * each is reported, the last wins.
 */
final class GeminiReader {
    private final EventSink sink;
    private final CharView view = new CharView();
    private boolean modelReported;
    private boolean finishSeen;
    // A part's text is held until the part ends: "thought": true may come after "text".
    private char[] partText = new char[256];
    private int partLength;

    GeminiReader(EventSink sink) {
        this.sink = sink;
    }

    /** True once a finishReason (or a prompt blockReason) arrived: the stream may end there. */
    boolean finishSeen() { return finishSeen; }

    /** Reads the object the parser is on (START_OBJECT consumed) through its END_OBJECT; returns its error or null. */
    ProviderError read(JsonParser p, long nanoTime) throws IOException {
        ProviderError error = null;
        while (Json.next(p) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = Json.next(p);
            switch (field) {
                case "candidates" -> {
                    if (value == JsonToken.START_ARRAY) readCandidates(p, nanoTime);
                    else Json.skip(p);
                }
                case "usageMetadata" -> {
                    if (value == JsonToken.START_OBJECT) readUsage(p);
                    else Json.skip(p);
                }
                case "modelVersion" -> {
                    if (!modelReported && value == JsonToken.VALUE_STRING) {
                        modelReported = true;
                        sink.onModel(p.getText());
                    } else {
                        Json.skip(p);
                    }
                }
                case "promptFeedback" -> {
                    if (value == JsonToken.START_OBJECT) readPromptFeedback(p);
                    else Json.skip(p);
                }
                case "error" -> error = ProviderError.read(p);
                default -> Json.skip(p);
            }
        }
        return error;
    }

    private void readCandidates(JsonParser p, long nanoTime) throws IOException {
        boolean first = true;
        JsonToken t;
        while ((t = Json.next(p)) != JsonToken.END_ARRAY) {
            if (first && t == JsonToken.START_OBJECT) readCandidate(p, nanoTime);
            else Json.skip(p);
            first = false;
        }
    }

    private void readCandidate(JsonParser p, long nanoTime) throws IOException {
        while (Json.next(p) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = Json.next(p);
            switch (field) {
                case "content" -> {
                    if (value == JsonToken.START_OBJECT) readContent(p, nanoTime);
                    else Json.skip(p);
                }
                case "finishReason" -> {
                    if (value == JsonToken.VALUE_STRING) {
                        finishSeen = true;
                        sink.onFinish(p.getText());
                    } else {
                        Json.skip(p);
                    }
                }
                default -> Json.skip(p);
            }
        }
    }

    private void readContent(JsonParser p, long nanoTime) throws IOException {
        while (Json.next(p) == JsonToken.FIELD_NAME) {
            boolean parts = p.currentName().equals("parts");
            JsonToken value = Json.next(p);
            if (parts && value == JsonToken.START_ARRAY) {
                JsonToken t;
                while ((t = Json.next(p)) != JsonToken.END_ARRAY) {
                    if (t == JsonToken.START_OBJECT) readPart(p, nanoTime);
                    else Json.skip(p);
                }
            } else {
                Json.skip(p);
            }
        }
    }

    private void readPart(JsonParser p, long nanoTime) throws IOException {
        partLength = 0;
        boolean thought = false;
        while (Json.next(p) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = Json.next(p);
            if (field.equals("text") && value == JsonToken.VALUE_STRING) {
                int n = p.getTextLength();
                if (n > partText.length) partText = Arrays.copyOf(partText, Math.max(n, partText.length * 2));
                System.arraycopy(p.getTextCharacters(), p.getTextOffset(), partText, 0, n);
                partLength = n;
            } else if (field.equals("thought")) {
                thought = value == JsonToken.VALUE_TRUE;
            } else {
                Json.skip(p);
            }
        }
        if (partLength > 0) sink.onText(view.set(partText, 0, partLength), thought, nanoTime);
    }

    private void readUsage(JsonParser p) throws IOException {
        long prompt = 0;
        long cached = 0;
        long candidates = 0;
        long thoughts = 0;
        while (Json.next(p) == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            Json.next(p);
            long v = Math.max(0, Json.longOrMinusOne(p));
            switch (field) {
                case "promptTokenCount" -> prompt = v;
                case "cachedContentTokenCount" -> cached = v;
                case "candidatesTokenCount" -> candidates = v;
                case "thoughtsTokenCount" -> thoughts = v;
                default -> { }
            }
        }
        sink.onUsage(prompt, cached, candidates + thoughts, thoughts);
    }

    private void readPromptFeedback(JsonParser p) throws IOException {
        while (Json.next(p) == JsonToken.FIELD_NAME) {
            boolean block = p.currentName().equals("blockReason");
            JsonToken value = Json.next(p);
            if (block && value == JsonToken.VALUE_STRING) {
                finishSeen = true;
                sink.onFinish(p.getText());
            } else {
                Json.skip(p);
            }
        }
    }
}

package dev.llmbench.client.internal.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.llmbench.client.internal.sse.CharView;

import java.io.IOException;

/** The shared Jackson factory and the streaming-parser helpers every codec uses. */
final class Json {
    private Json() {}

    /** Writes {@code extra} values (any JSON-serialisable object) through generators made by {@link #FACTORY}. */
    static final ObjectMapper MAPPER = new ObjectMapper();
    /** One factory for all parsers and generators; thread-safe, and its symbol tables are shared across streams. */
    static final JsonFactory FACTORY = MAPPER.getFactory();

    /** Malformed or incomplete JSON in one event or body. */
    static final class MalformedJson extends IOException {
        MalformedJson(String message) { super(message); }
    }

    /** The next token; an incomplete document (end of input, or no more fed bytes) is malformed. */
    static JsonToken next(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null || t == JsonToken.NOT_AVAILABLE) throw new MalformedJson("incomplete JSON");
        return t;
    }

    /** Skips the value the parser is on (a whole object or array; nothing to do for a scalar). */
    static void skip(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t != JsonToken.START_OBJECT && t != JsonToken.START_ARRAY) return;
        int depth = 1;
        while (depth > 0) {
            JsonToken n = next(p);
            if (n == JsonToken.START_OBJECT || n == JsonToken.START_ARRAY) depth++;
            else if (n == JsonToken.END_OBJECT || n == JsonToken.END_ARRAY) depth--;
        }
    }

    /** The integer the parser is on, or -1 for null or any other value (which is skipped). */
    static long longOrMinusOne(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NUMBER_INT) return p.getLongValue();
        if (t == JsonToken.VALUE_NUMBER_FLOAT) return (long) p.getDoubleValue();
        skip(p);
        return -1;
    }

    /** The string the parser is on, or null for any other value (which is skipped). Allocates: not for hot paths. */
    static String stringOrNull(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) return p.getText();
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) return p.getText();
        skip(p);
        return null;
    }

    /** Points {@code view} at the current string value without copying it. */
    static CharView text(JsonParser p, CharView view) throws IOException {
        return view.set(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    }

    /** True if the current token is a string equal to {@code s}, compared without allocating. */
    static boolean textEquals(JsonParser p, String s) throws IOException {
        if (p.currentToken() != JsonToken.VALUE_STRING || p.getTextLength() != s.length()) return false;
        char[] c = p.getTextCharacters();
        int off = p.getTextOffset();
        for (int i = 0; i < s.length(); i++) if (c[off + i] != s.charAt(i)) return false;
        return true;
    }
}

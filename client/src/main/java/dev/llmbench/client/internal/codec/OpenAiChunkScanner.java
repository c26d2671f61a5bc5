package dev.llmbench.client.internal.codec;

import dev.llmbench.client.internal.sse.CharView;

/**
 * The fast path of {@link OpenAiChunkReader}: one strict pass over an event's bytes that reports the same fields in
 * the same order (content and reasoning text, finish_reason, model, usage) without a tokenizer, field-name symbol
 * table or String per chunk. It is a complete JSON syntax check (strings, escapes, UTF-8, numbers, literals, nesting),
 * so it accepts only what Jackson accepts. Anything it does not handle itself (an error object, a non-integer usage
 * count, very deep nesting, anything invalid) makes {@link #scan} return false having reported nothing: the caller
 * then takes the Jackson path, which decides. Not thread-safe: one per stream.
 */
final class OpenAiChunkScanner {
    private static final int MAX_DEPTH = 64;
    private static final byte[] CHOICES = key("choices");
    private static final byte[] USAGE = key("usage");
    private static final byte[] MODEL = key("model");
    private static final byte[] OBJECT = key("object");
    private static final byte[] ERROR = key("error");
    private static final byte[] MESSAGE = key("message");
    private static final byte[] TYPE = key("type");
    private static final byte[] CODE = key("code");
    private static final byte[] DELTA = key("delta");
    private static final byte[] FINISH_REASON = key("finish_reason");
    private static final byte[] CONTENT = key("content");
    private static final byte[] REASONING_CONTENT = key("reasoning_content");
    private static final byte[] REASONING = key("reasoning");
    private static final byte[] PROMPT_TOKENS = key("prompt_tokens");
    private static final byte[] COMPLETION_TOKENS = key("completion_tokens");
    private static final byte[] PROMPT_CACHE_HIT_TOKENS = key("prompt_cache_hit_tokens");
    private static final byte[] PROMPT_TOKENS_DETAILS = key("prompt_tokens_details");
    private static final byte[] COMPLETION_TOKENS_DETAILS = key("completion_tokens_details");
    private static final byte[] CACHED_TOKENS = key("cached_tokens");
    private static final byte[] REASONING_TOKENS = key("reasoning_tokens");

    /** Thrown to abandon the fast path; preallocated and stackless, so bailing out costs no allocation either. */
    private static final class Bail extends RuntimeException {
        Bail() { super(null, null, false, false); }
    }

    private static final Bail BAIL = new Bail();

    private final EventSink sink;
    private final CharView view = new CharView();
    private char[] chars = new char[256];
    private int charCount;
    private byte[] b;
    private int pos;
    private int end;
    private int keyStart;
    private int keyEnd;
    private boolean reportedModel;
    private boolean reportModel;
    /** vLLM's reasoning and the older reasoning_content may both come in one delta: the first one is taken. */
    private boolean thoughtSeen;
    /** Sink calls made by the current scan, and where its content string was (for the template). */
    private int events;
    private int contentOpen;
    private int contentClose;
    /**
     * The template: the bytes around the content string of the last chunk whose only news was its content. Within a
     * stream every such chunk is the same but for that string (same id, created, model, nesting), so a chunk that
     * starts with the same prefix is scanned from the content string on; the state of the scan there is the one the
     * template's own full scan had, as the bytes before it are the same.
     */
    private byte[] template = new byte[0];
    private int templatePrefix; // bytes up to and including the content string's opening quote; 0 = no template
    private int templateSuffix;
    private boolean templateReportModel;
    /** Scans that took the template path (for tests). */
    int templateScans;

    /** {@code sink} must drop what it holds when {@link #scan} returns false ({@link PendingCalls#clear}). */
    OpenAiChunkScanner(EventSink sink) {
        this.sink = sink;
    }

    /**
     * Scans the event data {@code data[offset, offset + length)}; true if it was a JSON object fully handled here
     * (its fields reported to the sink), false if the caller must decode it the slow way.
     *
     * @param reportModel whether a {@code model} field is still to be reported
     */
    boolean scan(byte[] data, int offset, int length, boolean reportModel, long nanoTime) {
        b = data;
        pos = offset;
        end = offset + length;
        reportedModel = false;
        this.reportModel = reportModel;
        try {
            if (templatePrefix > 0 && reportModel == templateReportModel && length > templatePrefix
                    && java.util.Arrays.equals(data, offset, offset + templatePrefix, template, 0, templatePrefix)) {
                templateScans++;
                return fromContent(nanoTime);
            }
            events = 0;
            contentOpen = -1;
            skipWs();
            if (pos == end || b[pos] != '{') return false;
            pos++;
            root(nanoTime);
            skipWs();
            if (pos != end) return false;
            if (events == 1 && contentOpen >= 0) keepTemplate(offset);
            return true;
        } catch (Bail | ArrayIndexOutOfBoundsException e) {
            return false; // out of bounds: the data ended inside a value, which Jackson reports as malformed
        } finally {
            b = null;
        }
    }

    /** The rest of a chunk that starts like the template: its content string, then the same bytes or a full resume. */
    private boolean fromContent(long nanoTime) {
        pos += templatePrefix - 1; // at the opening quote
        CharView text = string();
        if (text.length() > 0) sink.onText(text, false, nanoTime);
        if (end - pos == templateSuffix
                && java.util.Arrays.equals(b, pos, end, template, templatePrefix, templatePrefix + templateSuffix)) {
            return true; // nothing else in it, like the template
        }
        // Something after the content differs (a finish reason, a random padding field): scan on, in the same nesting.
        thoughtSeen = false; // no thought came before the content: the template's only news was its content
        deltaRest(nanoTime);
        choiceRest(nanoTime);
        choicesRest(nanoTime);
        rootRest(nanoTime);
        skipWs();
        return pos == end;
    }

    private void keepTemplate(int offset) {
        int prefix = contentOpen - offset + 1;
        int suffix = end - contentClose;
        if (template.length < prefix + suffix) template = new byte[Math.max(prefix + suffix, 2 * template.length)];
        System.arraycopy(b, offset, template, 0, prefix);
        System.arraycopy(b, contentClose, template, prefix, suffix);
        templatePrefix = prefix;
        templateSuffix = suffix;
        templateReportModel = reportModel;
    }

    // ---- the fields we read ----

    // Each container is its first member (element), then the rest; the *Rest methods are also entered on their own,
    // to resume the scan behind a template's content string.

    private void root(long nanoTime) {
        if (emptyObject()) return;
        rootMember(nanoTime);
        rootRest(nanoTime);
    }

    private void rootRest(long nanoTime) {
        while (nextMember()) rootMember(nanoTime);
    }

    private void rootMember(long nanoTime) {
        readKey();
        if (keyIs(CHOICES)) {
            if (peek() == '[') choices(nanoTime); else skipValue(1);
        } else if (keyIs(USAGE)) {
            if (peek() == '{') usage(); else skipValue(1);
        } else if (keyIs(MODEL)) {
            if (reportModel && !reportedModel && peek() == '"') {
                reportedModel = true;
                events++;
                sink.onModel(string().toString());
            } else {
                skipValue(1);
            }
        } else if (keyIs(OBJECT)) {
            if (peek() != '"') skipValue(1);
            else if (string().contentEquals("error")) throw BAIL; // vLLM's {"object":"error",...}
        } else if (keyIs(ERROR) || keyIs(MESSAGE) || keyIs(TYPE) || keyIs(CODE)) {
            throw BAIL; // an error object: the reader builds the typed error
        } else {
            skipValue(1);
        }
    }

    private void choices(long nanoTime) {
        pos++;
        if (emptyArray()) return;
        choicesElement(nanoTime);
        choicesRest(nanoTime);
    }

    private void choicesRest(long nanoTime) {
        while (nextElement()) choicesElement(nanoTime);
    }

    private void choicesElement(long nanoTime) {
        if (peek() == '{') choice(nanoTime); else skipValue(2);
    }

    private void choice(long nanoTime) {
        pos++;
        if (emptyObject()) return;
        choiceMember(nanoTime);
        choiceRest(nanoTime);
    }

    private void choiceRest(long nanoTime) {
        while (nextMember()) choiceMember(nanoTime);
    }

    private void choiceMember(long nanoTime) {
        readKey();
        if (keyIs(DELTA) || keyIs(MESSAGE)) {
            if (peek() == '{') delta(nanoTime); else skipValue(3);
        } else if (keyIs(FINISH_REASON)) {
            if (peek() == '"') {
                events++;
                sink.onFinish(string().toString());
            } else {
                skipValue(3);
            }
        } else {
            skipValue(3);
        }
    }

    private void delta(long nanoTime) {
        pos++;
        if (emptyObject()) return;
        thoughtSeen = false;
        deltaMember(nanoTime);
        deltaRest(nanoTime);
    }

    private void deltaRest(long nanoTime) {
        while (nextMember()) deltaMember(nanoTime);
    }

    private void deltaMember(long nanoTime) {
        readKey();
        if (keyIs(CONTENT)) {
            if (peek() == '"') {
                int open = pos;
                CharView text = string();
                if (text.length() > 0) {
                    events++;
                    contentOpen = open;
                    contentClose = pos;
                    sink.onText(text, false, nanoTime);
                }
            } else {
                skipValue(4);
            }
        } else if (keyIs(REASONING_CONTENT) || keyIs(REASONING)) {
            if (!thoughtSeen && peek() == '"') {
                CharView text = string();
                if (text.length() > 0) {
                    thoughtSeen = true;
                    events++;
                    sink.onText(text, true, nanoTime);
                }
            } else {
                skipValue(4);
            }
        } else {
            skipValue(4);
        }
    }

    private void usage() {
        pos++;
        long prompt = 0;
        long completion = 0;
        long cached = -1;
        long cacheHit = -1;
        long reasoning = 0;
        if (!emptyObject()) {
            do {
                readKey();
                if (keyIs(PROMPT_TOKENS)) {
                    prompt = Math.max(0, usageNumber());
                } else if (keyIs(COMPLETION_TOKENS)) {
                    completion = Math.max(0, usageNumber());
                } else if (keyIs(PROMPT_CACHE_HIT_TOKENS)) {
                    cacheHit = usageNumber();
                } else if (keyIs(PROMPT_TOKENS_DETAILS)) {
                    if (peek() == '{') cached = detail(CACHED_TOKENS); else skipValue(2);
                } else if (keyIs(COMPLETION_TOKENS_DETAILS)) {
                    if (peek() == '{') reasoning = Math.max(0, detail(REASONING_TOKENS)); else skipValue(2);
                } else {
                    skipValue(2);
                }
            } while (nextMember());
        }
        events++;
        sink.onUsage(prompt, cached >= 0 ? cached : Math.max(0, cacheHit), completion, reasoning);
    }

    /** The integer field {@code name} of the object at {@code pos}, or -1. */
    private long detail(byte[] name) {
        pos++;
        long found = -1;
        if (emptyObject()) return found;
        do {
            readKey();
            if (keyIs(name)) found = usageNumber(); else skipValue(3);
        } while (nextMember());
        return found;
    }

    /** A usage count: an integer, or -1 for null / a string / an object (skipped); a fraction or exponent bails. */
    private long usageNumber() {
        byte c = peek();
        if (c != '-' && (c < '0' || c > '9')) {
            skipValue(3);
            return -1;
        }
        int start = pos;
        boolean integral = number();
        if (!integral || pos - start > 18) throw BAIL; // the reader converts those; rare enough to leave to it
        long v = 0;
        boolean negative = b[start] == '-';
        for (int i = negative ? start + 1 : start; i < pos; i++) v = v * 10 + (b[i] - '0');
        return negative ? -v : v;
    }

    // ---- JSON syntax ----

    private static byte[] key(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    private void skipWs() {
        while (pos < end) {
            byte c = b[pos];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
            pos++;
        }
    }

    /** The next significant byte, not consumed. */
    private byte peek() {
        skipWs();
        if (pos >= end) throw BAIL;
        return b[pos];
    }

    /** After '{': true (and consumed) if the object is empty. */
    private boolean emptyObject() {
        if (peek() == '}') {
            pos++;
            return true;
        }
        return false;
    }

    private boolean emptyArray() {
        if (peek() == ']') {
            pos++;
            return true;
        }
        return false;
    }

    /** After a member's value: ',' (true, more follow) or '}' (false, object closed). */
    private boolean nextMember() { return more('}'); }

    /** After an array element: ',' (true, more follow) or ']' (false, array closed). */
    private boolean nextElement() { return more(']'); }

    private boolean more(char close) {
        byte c = peek();
        pos++;
        if (c == ',') return true;
        if (c == close) return false;
        throw BAIL;
    }

    /** Whether the last successful scan reported the model. */
    boolean reportedModel() { return reportedModel; }

    /** Reads {@code "name":}; an escaped name bails (none of ours has one, but it could still equal one). */
    private void readKey() {
        if (peek() != '"') throw BAIL;
        int start = ++pos;
        boolean ascii = true;
        while (true) {
            byte c = b[pos];
            if (c == '"') break;
            if (c == '\\' || (c >= 0 && c < 0x20)) throw BAIL;
            if (c < 0) ascii = false;
            pos++;
        }
        keyStart = start;
        keyEnd = pos;
        pos++;
        if (peek() != ':') throw BAIL;
        pos++;
        if (!ascii) validateUtf8(keyStart, keyEnd);
        skipWs();
    }

    private boolean keyIs(byte[] name) {
        int n = keyEnd - keyStart;
        if (n != name.length) return false;
        for (int i = 0; i < n; i++) if (b[keyStart + i] != name[i]) return false;
        return true;
    }

    /** Skips any value at {@code pos}; {@code depth} is the nesting of the value's container. */
    private void skipValue(int depth) {
        byte c = peek();
        switch (c) {
            case '"' -> skipString();
            case '{' -> {
                if (depth >= MAX_DEPTH) throw BAIL;
                pos++;
                if (emptyObject()) return;
                do {
                    readKey();
                    skipValue(depth + 1);
                } while (nextMember());
            }
            case '[' -> {
                if (depth >= MAX_DEPTH) throw BAIL;
                pos++;
                if (emptyArray()) return;
                do {
                    skipValue(depth + 1);
                } while (nextElement());
            }
            case 't' -> literal("true");
            case 'f' -> literal("false");
            case 'n' -> literal("null");
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) number(); else throw BAIL;
            }
        }
    }

    private void literal(String word) {
        for (int i = 0; i < word.length(); i++) if (b[pos + i] != word.charAt(i)) throw BAIL;
        pos += word.length();
    }

    /** A JSON number at {@code pos} (RFC 8259 grammar); true if it has no fraction and no exponent. */
    private boolean number() {
        if (b[pos] == '-') pos++;
        if (b[pos] == '0') {
            pos++;
        } else if (b[pos] >= '1' && b[pos] <= '9') {
            while (pos < end && b[pos] >= '0' && b[pos] <= '9') pos++;
        } else {
            throw BAIL;
        }
        boolean integral = true;
        if (pos < end && b[pos] == '.') {
            integral = false;
            pos++;
            digits();
        }
        if (pos < end && (b[pos] == 'e' || b[pos] == 'E')) {
            integral = false;
            pos++;
            if (b[pos] == '+' || b[pos] == '-') pos++;
            digits();
        }
        return integral;
    }

    private void digits() {
        int start = pos;
        while (pos < end && b[pos] >= '0' && b[pos] <= '9') pos++;
        if (pos == start) throw BAIL;
    }

    private void skipString() {
        pos++;
        charCount = 0; // escapes and UTF-8 are decoded (that validates them) into the scratch buffer, then dropped
        while (true) {
            int c = b[pos] & 0xFF;
            if (c == '"') {
                pos++;
                return;
            }
            if (c < 0x20) throw BAIL;
            if (c == '\\') {
                escape();
            } else if (c >= 0x80) {
                utf8(c);
            } else {
                pos++;
            }
        }
    }

    /** Decodes the string at {@code pos} into the reused char buffer; the view is valid until the next string. */
    private CharView string() {
        pos++;
        charCount = 0;
        while (true) {
            int c = b[pos] & 0xFF;
            if (c == '"') {
                pos++;
                return view.set(chars, 0, charCount);
            }
            if (c < 0x20) throw BAIL;
            if (c == '\\') {
                escape();
            } else if (c >= 0x80) {
                utf8(c);
            } else {
                put((char) c);
                pos++;
            }
        }
    }

    private void escape() {
        byte e = b[pos + 1];
        pos += 2;
        switch (e) {
            case '"' -> put('"');
            case '\\' -> put('\\');
            case '/' -> put('/');
            case 'b' -> put('\b');
            case 'f' -> put('\f');
            case 'n' -> put('\n');
            case 'r' -> put('\r');
            case 't' -> put('\t');
            case 'u' -> {
                int v = 0;
                for (int i = 0; i < 4; i++) {
                    int d = Character.digit(b[pos + i], 16);
                    if (d < 0) throw BAIL;
                    v = v << 4 | d;
                }
                pos += 4;
                put((char) v);
            }
            default -> throw BAIL;
        }
    }

    /** One UTF-8 sequence starting with {@code lead} at {@code pos}; overlong, surrogate or truncated forms bail. */
    private void utf8(int lead) {
        int cp;
        int n;
        int min;
        if ((lead & 0xE0) == 0xC0) { cp = lead & 0x1F; n = 1; min = 0x80; }
        else if ((lead & 0xF0) == 0xE0) { cp = lead & 0x0F; n = 2; min = 0x800; }
        else if ((lead & 0xF8) == 0xF0) { cp = lead & 0x07; n = 3; min = 0x10000; }
        else throw BAIL;
        for (int i = 1; i <= n; i++) {
            int cont = b[pos + i] & 0xFF;
            if ((cont & 0xC0) != 0x80) throw BAIL;
            cp = cp << 6 | (cont & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) throw BAIL;
        pos += n + 1;
        if (cp >= 0x10000) {
            put(Character.highSurrogate(cp));
            put(Character.lowSurrogate(cp));
        } else {
            put((char) cp);
        }
    }

    private void validateUtf8(int from, int to) {
        int saved = pos;
        int savedCount = charCount;
        pos = from;
        while (pos < to) {
            int c = b[pos] & 0xFF;
            if (c >= 0x80) utf8(c); else pos++;
        }
        if (pos != to) throw BAIL;
        pos = saved;
        charCount = savedCount;
    }

    private void put(char c) {
        if (charCount == chars.length) chars = java.util.Arrays.copyOf(chars, chars.length * 2);
        chars[charCount++] = c;
    }
}

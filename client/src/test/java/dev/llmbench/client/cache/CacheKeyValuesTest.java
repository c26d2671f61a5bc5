package dev.llmbench.client.cache;

import dev.llmbench.client.ChatRequest;
import dev.llmbench.client.Provider;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The key's own format, bytes and shard, and the endpoint clean-up, against hand-written values. */
class CacheKeyValuesTest {
    private static final String ZEROS = "0".repeat(64);

    @Test
    void aKeyIsExactly64LowerCaseHexCharacters() {
        assertThat(new CacheKey(ZEROS).hex()).isEqualTo(ZEROS);
        assertThat(new CacheKey("0123456789abcdef".repeat(4)).hex()).isEqualTo("0123456789abcdef".repeat(4));
        for (String bad : new String[] {null, "0".repeat(63), "0".repeat(65), "A" + "0".repeat(63), "g" + "0".repeat(63),
                "/" + "0".repeat(63), ":" + "0".repeat(63), "`" + "0".repeat(63), "F" + "0".repeat(63)}) {
            assertThatThrownBy(() -> new CacheKey(bad)).as(String.valueOf(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void bytesAndShardComeFromTheHex() {
        CacheKey k = new CacheKey("000000ff" + "01".repeat(28));
        byte[] b = k.bytes();
        assertThat(b).hasSize(32);
        assertThat(HexFormat.of().formatHex(b)).isEqualTo(k.hex());
        assertThat(b[3]).isEqualTo((byte) 0xff);
        // the first four bytes as an unsigned number (255) modulo the shard count
        assertThat(k.shard(8)).isEqualTo(255 % 8);
        assertThat(k.shard(256)).isEqualTo(255);
        assertThat(new CacheKey("ffffffff" + "0".repeat(56)).shard(10)).isEqualTo((int) (0xffffffffL % 10));
        assertThat(k.toString()).isEqualTo("CacheKey[000000ff0101...]");
    }

    @Test
    void theEndpointLosesQueryFragmentUserInfoAndTrailingSlashes() {
        assertThat(CacheKey.sanitizeEndpoint(" https://api.example.com/v1/ ")).isEqualTo("https://api.example.com/v1");
        assertThat(CacheKey.sanitizeEndpoint("https://api.example.com/v1?key=secret")).isEqualTo("https://api.example.com/v1");
        assertThat(CacheKey.sanitizeEndpoint("https://api.example.com/v1#frag")).isEqualTo("https://api.example.com/v1");
        assertThat(CacheKey.sanitizeEndpoint("https://api.example.com/v1#frag?x=1")).isEqualTo("https://api.example.com/v1");
        assertThat(CacheKey.sanitizeEndpoint("https://api.example.com/v1?x=1#frag")).isEqualTo("https://api.example.com/v1");
        assertThat(CacheKey.sanitizeEndpoint("?only=query")).isEmpty();
        assertThat(CacheKey.sanitizeEndpoint("#only-fragment")).isEmpty();
        assertThat(CacheKey.sanitizeEndpoint("https://user:pw@api.example.com:8443/v1//")).isEqualTo("https://api.example.com:8443/v1");
        assertThat(CacheKey.sanitizeEndpoint("not a uri?x")).isEqualTo("not a uri");
    }

    @Test
    void theEndpointIsPartOfTheKeyOnlyAsSanitised() {
        ChatRequest r = ChatRequest.of("gpt-4.1-nano", "hi");
        CacheKey plain = CacheKey.of(r, Provider.OPENAI, "https://api.example.com/v1");
        assertThat(CacheKey.of(r, Provider.OPENAI, "https://api.example.com/v1/?k=1#f")).isEqualTo(plain);
        assertThat(CacheKey.of(r, Provider.OPENAI, "https://api.example.com/v2")).isNotEqualTo(plain);
        assertThat(CacheKey.of(r, Provider.OPENAI)).isNotEqualTo(plain);
    }
}

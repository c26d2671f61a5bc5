package dev.llmbench.client.pricing;

import dev.llmbench.client.Provider;
import dev.llmbench.client.Usage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class PricesTest {
    /** The repository's price list; tests run in client/, the file sits at the root. */
    static final Path PRICES_CSV = Path.of("..", "prices.csv");
    static final String HEADER = "provider,model,input,cached_input,cache_write,output,reasoning,batch_discount\n";

    @Test
    void theRepositoryPriceListLoadsAndCoversTheLessonsModels() {
        Prices prices = Prices.load(PRICES_CSV);
        for (String model : new String[] {"gpt-4.1-nano", "gpt-4.1-mini", "gpt-4.1", "gpt-4o-mini", "claude-haiku-4.5",
                "claude-sonnet-4.5", "gemini/gemini-3-flash-preview", "gemini/gemini-2.5-flash",
                "together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo"}) {
            assertThat(prices.find(model)).as(model).isPresent();
        }
    }

    @Test
    void locatesThePriceList(@TempDir Path dir) {
        assertThat(Prices.locate(java.util.Map.of("LLMBENCH_PRICES", "/x/p.csv"))).contains(Path.of("/x/p.csv"));
        assertThat(Prices.locate(java.util.Map.of())).isPresent(); // ../prices.csv from client/
    }

    @Test
    void billsCachedInputAtTheCachedRate() {
        Prices prices = Prices.load(PRICES_CSV);
        // gpt-4.1-nano: 0.10 input, 0.025 cached, 0.40 output per 1M.
        Cost c = prices.cost(Provider.OPENAI, "gpt-4.1-nano", new Usage(1_000_000, 400_000, 1_000_000, 0, true));
        assertThat(c.known()).isTrue();
        assertThat(c.inputUsd()).isCloseTo(0.06, within(1e-12));
        assertThat(c.cachedInputUsd()).isCloseTo(0.01, within(1e-12));
        assertThat(c.outputUsd()).isCloseTo(0.40, within(1e-12));
        assertThat(c.totalUsd()).isCloseTo(0.47, within(1e-12));
        assertThat(c.approximate()).isFalse();
    }

    @Test
    void matchesDatedSuffixesRoutingPrefixesAndDotsForDashes() {
        Prices prices = Prices.load(PRICES_CSV);
        assertThat(prices.find(Provider.OPENAI, "gpt-4.1-nano-2025-04-14")).get().extracting(ModelPrice::model).isEqualTo("gpt-4.1-nano");
        assertThat(prices.find(Provider.ANTHROPIC, "claude-haiku-4-5-20251001")).get().extracting(ModelPrice::model).isEqualTo("claude-haiku-4-5");
        assertThat(prices.find(Provider.ANTHROPIC, "anthropic/claude-haiku-4.5")).isPresent();
        assertThat(prices.find(Provider.GEMINI, "gemini/GEMINI-2.5-FLASH")).isPresent();
        assertThat(prices.find(Provider.GEMINI, "models/gemini-2.5-flash")).isPresent();
        assertThat(prices.find(Provider.TOGETHER, "together_ai/meta-llama/Llama-3.3-70B-Instruct-Turbo")).isPresent();
        // The provider is part of the match: a model name under the wrong provider is not priced.
        assertThat(prices.find(Provider.GENERIC, "gpt-4.1-nano")).isEmpty();
        // A different model is not a dated suffix.
        assertThat(prices.find(Provider.OPENAI, "gpt-4.1-nano-pro")).isEmpty();
        Cost dated = prices.cost(Provider.OPENAI, "gpt-4.1-nano-2025-04-14", new Usage(10, 0, 10, 0, true));
        assertThat(dated.pricedAs()).isEqualTo("gpt-4.1-nano");
        assertThat(dated.model()).isEqualTo("gpt-4.1-nano-2025-04-14");
    }

    @Test
    void anUnknownModelIsUnknownNeverFree() {
        Prices prices = Prices.load(PRICES_CSV);
        Cost c = prices.cost(Provider.GENERIC, "my-local-llama", new Usage(100, 0, 100, 0, true));
        assertThat(c.known()).isFalse();
        assertThat(c.totalUsd()).isNaN();
        Cost known = prices.cost(Provider.OPENAI, "gpt-4.1", new Usage(100, 0, 100, 0, true));
        assertThat(known.plus(c).known()).isFalse();
        assertThat(known.plus(c).totalUsd()).isNaN();
        assertThat(known.plus(known).totalUsd()).isCloseTo(2 * known.totalUsd(), within(1e-15));
    }

    @Test
    void reasoningTokensUseTheReasoningRateAndCacheWritesTheWriteRate() {
        Prices prices = Prices.parse(HEADER
                + "openai,think-1,1.0,0.5,2.0,10.0,20.0,0.5\n"
                + "anthropic,claude-x,3,0.3,3.75,15,,\n", "inline.csv");
        // 1000 output tokens of which 400 reasoning: 600 x 10 + 400 x 20 per 1M.
        Cost c = prices.cost(Provider.OPENAI, "think-1", new Usage(0, 0, 1000, 400, true));
        assertThat(c.outputUsd()).isCloseTo(0.006, within(1e-12));
        assertThat(c.reasoningUsd()).isCloseTo(0.008, within(1e-12));
        Cost batch = prices.cost(Provider.OPENAI, "think-1", new Usage(0, 0, 1000, 400, true), 0, true);
        assertThat(batch.totalUsd()).isCloseTo(0.007, within(1e-12));
        // Anthropic: 10k input of which 2k cache reads and 5k cache writes.
        Cost a = prices.cost(Provider.ANTHROPIC, "claude-x", new Usage(10_000, 2_000, 0, 0, false), 5_000, false);
        assertThat(a.inputUsd()).isCloseTo(3_000 * 3 / 1e6, within(1e-12));
        assertThat(a.cachedInputUsd()).isCloseTo(2_000 * 0.3 / 1e6, within(1e-12));
        assertThat(a.cacheWriteUsd()).isCloseTo(5_000 * 3.75 / 1e6, within(1e-12));
        assertThat(a.approximate()).as("usage not reported by the provider").isTrue();
        // Empty reasoning rate falls back to the output rate.
        assertThat(prices.find(Provider.ANTHROPIC, "claude-x").orElseThrow().reasoning()).isEqualTo(15.0);
    }

    @Test
    void malformedFilesFailWithFileLineAndProblem(@TempDir Path dir) throws Exception {
        assertProblem(dir, "# comment\n" + HEADER + "openai,m,1.0,,,abc,,\n", ":3: column 'output': 'abc' is not a number");
        assertProblem(dir, HEADER + "openai,a,1,,,2,,\nopenai,b,1,", ":3: expected 8 columns, found 4 (truncated line?)");
        assertProblem(dir, "", ":1: no header line");
        assertProblem(dir, "# only a comment\nprovider,model,input\n", ":2: expected the header");
        assertProblem(dir, HEADER, "no price rows");
        assertProblem(dir, HEADER + "acme,m,1,,,2,,\n", ":2: column 'provider': unknown provider 'acme'");
        assertProblem(dir, HEADER + "openai,m,-1,,,2,,\n", ":2: column 'input': -1 is not a price >= 0");
        assertProblem(dir, HEADER + "openai,m,,,,2,,\n", ":2: column 'input' is required");
        assertProblem(dir, HEADER + "openai,m,1,,,2,,1.5\n", ":2: column 'batch_discount'");
        assertProblem(dir, HEADER + "openai,gpt-4.1,1,,,2,,\nopenai,GPT-4.1,1,,,2,,\n", ":3: duplicate entry for openai GPT-4.1 (first on line 2)");
        assertProblem(dir, HEADER + "openai,\"m\",1,,,2,,\n", ":2: quoted fields are not supported");
    }

    private static void assertProblem(Path dir, String content, String expected) throws Exception {
        Path f = Files.writeString(Files.createTempFile(dir, "prices", ".csv"), content);
        assertThatThrownBy(() -> Prices.load(f))
                .isInstanceOf(PricesFormatException.class)
                .hasMessageStartingWith(f.toString() + ":")
                .hasMessageContaining(expected);
    }
}

package dev.llmbench.bench.report;

import dev.llmbench.bench.model.CellResult;
import dev.llmbench.bench.model.SweepResult;
import dev.llmbench.bench.report.LessonReading.Verdict;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LessonsTablesTest {

    private static SweepResult httpVersion(double h2TokS, double h1TokS) {
        return Fixtures.sweep("lessons-http-version", List.of(
                Fixtures.cell("openai", "okhttp-h2", 32).tokPerSec(h2TokS).ttft(200, 700).build(),
                Fixtures.cell("openai", "okhttp-h1", 32).tokPerSec(h1TokS).ttft(400, 1500).build()));
    }

    private static LessonReading reading(SweepResult r, String statementPart) {
        return LessonsTables.readings(r).stream().filter(x -> x.claim().statement().contains(statementPart)).findFirst().orElseThrow();
    }

    @Test
    void ratioInsideTheLessonsRangeAgrees() {
        LessonReading r = reading(httpVersion(2400, 1500), "1.5–2x throughput");
        assertThat(r.verdict()).isEqualTo(Verdict.AGREES);
        assertThat(r.value()).isEqualTo(1.6);
        assertThat(r.sentence()).contains("h2/h1 at c=32 = 1.60x").contains("2400 vs 1500").contains("agrees with the lesson")
                .contains("single run: noise unknown");
        // TTFT p50 h1/h2 = 400/200 = 2.0x, inside 1.5–2.5x
        assertThat(reading(httpVersion(2400, 1500), "2x TTFT").verdict()).isEqualTo(Verdict.AGREES);
    }

    @Test
    void oppositeDirectionContradicts() {
        LessonReading r = reading(httpVersion(1200, 1500), "1.5–2x throughput");
        assertThat(r.verdict()).isEqualTo(Verdict.DISAGREES);
        assertThat(r.sentence()).contains("0.80x").contains("contradicts");
    }

    @Test
    void smallerEffectInTheSameDirectionIsWeaker() {
        assertThat(reading(httpVersion(1800, 1500), "1.5–2x throughput").verdict()).isEqualTo(Verdict.WEAKER);
        assertThat(reading(httpVersion(4500, 1500), "1.5–2x throughput").verdict()).isEqualTo(Verdict.STRONGER);
    }

    @Test
    void overlappingRepeatsDoNotConfirmAnEffect() {
        List<CellResult> cells = new ArrayList<>();
        double[] h2 = {1500, 2400, 1700};
        double[] h1 = {1400, 1600, 1450};
        for (int i = 0; i < 3; i++) {
            cells.add(Fixtures.cell("openai", "okhttp-h2", 32).repeat(i).tokPerSec(h2[i]).build());
            cells.add(Fixtures.cell("openai", "okhttp-h1", 32).repeat(i).tokPerSec(h1[i]).build());
        }
        LessonReading r = reading(Fixtures.sweep("lessons-http-version", cells), "1.5–2x throughput");
        assertThat(r.verdict()).isEqualTo(Verdict.WITHIN_NOISE);
        assertThat(r.sentence()).contains("within noise").contains("does not confirm").doesNotContain("single run");
    }

    @Test
    void noEffectClaimWithinNoiseAgrees() {
        List<CellResult> cells = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            cells.add(Fixtures.cell("openai", "okhttp-h2", 32).variant("short").repeat(i).ttft(200 + 10 * i, 400).build());
            cells.add(Fixtures.cell("openai", "okhttp-h2", 32).variant("long").repeat(i).ttft(205 + 10 * i, 400).build());
        }
        LessonReading r = reading(Fixtures.sweep("lessons-prompt-length", cells), "don't hurt TTFT");
        assertThat(r.verdict()).isEqualTo(Verdict.AGREES);
        assertThat(r.sentence()).contains("within noise").contains("agrees with");
    }

    @Test
    void noEffectClaimWithAClearEffectDisagrees() {
        SweepResult s = Fixtures.sweep("prompt-length", List.of(
                Fixtures.cell("openai", "okhttp-h2", 32).variant("short").ttft(200, 400).build(),
                Fixtures.cell("openai", "okhttp-h2", 32).variant("long").ttft(900, 1400).build()));
        assertThat(reading(s, "don't hurt TTFT").verdict()).isEqualTo(Verdict.DISAGREES);
    }

    @Test
    void rateLimitLevelsAreReadFromTheErrorCounts() {
        SweepResult limited = Fixtures.sweep("lessons-concurrency-openai", List.of(
                Fixtures.cell("openai", "okhttp-h2", 32).tokPerSec(3691).build(),
                Fixtures.cell("openai", "okhttp-h2", 64).tokPerSec(2308).errors(Map.of("RATE_LIMITED", 20L)).build()));
        assertThat(reading(limited, "hits the rate limit wall").verdict()).isEqualTo(Verdict.AGREES);
        assertThat(reading(limited, "prevents rate limiting").verdict()).isEqualTo(Verdict.AGREES);
        assertThat(reading(limited, "c=32 optimal").verdict()).isEqualTo(Verdict.AGREES);
        assertThat(reading(limited, "c=32 optimal").sentence()).contains("tok/s c=64/c=32 = 0.63x");

        SweepResult unlimited = Fixtures.sweep("lessons-concurrency-openai", List.of(
                Fixtures.cell("openai", "okhttp-h2", 32).tokPerSec(2456).build(),
                Fixtures.cell("openai", "okhttp-h2", 64).tokPerSec(4096).build()));
        assertThat(reading(unlimited, "hits the rate limit wall").verdict()).isEqualTo(Verdict.DISAGREES);
        assertThat(reading(unlimited, "hits the rate limit wall").sentence()).contains("429 share c=64 = 0%");
        assertThat(reading(unlimited, "c=32 optimal").verdict()).isEqualTo(Verdict.DISAGREES);
    }

    @Test
    void missingCellsAreNotMeasuredAndOtherProvidersAreLeftOut() {
        SweepResult s = Fixtures.sweep("lessons-concurrency-openai", List.of(Fixtures.cell("openai", "okhttp-h2", 32).build()));
        assertThat(reading(s, "c=32 optimal").verdict()).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(reading(s, "c=32 optimal").sentence()).startsWith("Not measured").contains("OpenAI c=64");
        assertThat(LessonsTables.readings(s)).noneMatch(r -> r.claim().subject().provider().equals("gemini"));
    }

    @Test
    void unmeasuredClaimsAreListedTogetherAfterTheMeasuredOnes() {
        SweepResult s = Fixtures.sweep("lessons-concurrency", List.of(
                Fixtures.cell("openai", "okhttp-h2", 32).build(), Fixtures.cell("gemini", "okhttp-h2", 32).build()));
        String md = LessonsTables.render(s);
        String openai = md.substring(md.indexOf("**OpenAI"), md.indexOf("**Gemini"));
        assertThat(openai).contains("429 share c=32 = 0% (expected none) — agrees with the lesson \"OpenAI: c=32 prevents rate limiting\"")
                .contains("Not measured in this run: \"c=32 optimal for OpenAI")
                .contains("(no cells for OpenAI c=64)");
        assertThat(openai.indexOf("agrees with")).isLessThan(openai.indexOf("Not measured in this run"));
    }

    @Test
    void concurrencyFallsBackToTheNearestMeasured() {
        SweepResult s = Fixtures.sweep("lessons-http-version", List.of(
                Fixtures.cell("openai", "okhttp-h2", 16).tokPerSec(1600).build(),
                Fixtures.cell("openai", "okhttp-h1", 16).tokPerSec(1000).build(),
                Fixtures.cell("openai", "okhttp-h2", 48).tokPerSec(3000).build(),
                Fixtures.cell("openai", "okhttp-h1", 48).tokPerSec(1000).build()));
        // the lesson measured at c=32: 16 and 48 are equally near, the higher one is used
        assertThat(reading(s, "1.5–2x throughput").sentence()).contains("at c=48 = 3.00x");
    }

    @Test
    void renderedLikeTheLessonsDocumentWithAReadingPerProvider() {
        String md = LessonsTables.render(httpVersion(2400, 1500));
        assertThat(md).contains("**OpenAI (gpt-4.1-nano), simulated:**")
                .containsPattern("\\|\\s*c\\s*\\|\\s*Path\\s*\\|\\s*tok/s\\s*\\|\\s*batch tok/s\\s*\\|\\s*rate/Little\\s*\\|\\s*TTFT p50\\s*\\|\\s*TTFT p95\\s*\\|\\s*n\\s*\\|\\s*wall\\s*\\|\\s*cost\\s*\\|\\s*\\$/1M out\\s*\\|\\s*retries\\s*\\|\\n")
                .containsPattern("\\|\\s*32\\s*\\|\\s*ref\\+okhttp-h2\\s*\\|\\s*2400\\s*\\|\\s*2400\\s*\\|\\s*–\\s*\\|\\s*0\\.200s\\s*\\|\\s*0\\.700s\\s*\\|\\s*64\\s*\\|\\s*2\\.667s\\s*\\|")
                .contains("Reading (computed from the numbers above): batch tok/s h2/h1 at c=32 = 1.60x")
                .doesNotContain("errors / 429");
        assertThat(LessonsTables.render(Fixtures.sweep("transport", List.of(Fixtures.cell("openai", "okhttp-h2", 8).build()))))
                .doesNotContain("Reading");
    }

    @Test
    void everyClaimIsWellFormed() {
        for (LessonClaim c : LessonClaims.ALL) {
            assertThat(c.statement()).isNotBlank();
            if (c.expected() instanceof LessonClaim.Expectation.Ratio r) {
                assertThat(c.baseline()).as(c.statement()).isNotNull();
                assertThat(r.low()).isLessThan(r.high());
            }
        }
        assertThat(LessonClaims.about("lessons-concurrency-gemini")).isNotEmpty().allMatch(c -> c.topic().equals("concurrency"));
        assertThat(LessonClaims.about("concurrency")).isEqualTo(LessonClaims.about("lessons-concurrency-openai"));
        assertThat(LessonClaims.about("lessons-prefix-cache")).hasSize(2);
        assertThat(LessonClaims.about("transport")).isEmpty();
        assertThat(LessonClaims.about("concurrencyx")).isEmpty();
    }

    @Test
    void pathClaimsReadTheSdkAgainstTheGenericLibrary() {
        List<CellResult> cells = List.of(
                Fixtures.cell("openai", "okhttp-h2", 32).tokPerSec(2700).ttft(150, 300).build(),
                Fixtures.cell("openai", "okhttp", 32).path("sdk-default").tokPerSec(2600).ttft(213, 753).build(),
                Fixtures.cell("openai", "jdk", 32).path("generic").tokPerSec(1600).ttft(507, 1585).build(),
                Fixtures.cell("gemini", "okhttp", 32).path("sdk-default").tokPerSec(2420).ttft(872, 1076).build(),
                Fixtures.cell("gemini", "jdk", 32).path("generic").tokPerSec(2329).ttft(814, 1057).build());
        SweepResult r = Fixtures.sweep("lessons-path", cells);
        LessonReading throughput = reading(r, "Direct OpenAI SDK + HTTP/2: 1.5-2x throughput");
        assertThat(throughput.verdict()).isEqualTo(Verdict.AGREES);
        assertThat(throughput.sentence()).contains("sdk-default/generic at c=32 = 1.63x").contains("2600 vs 1600");
        // TTFT p50 generic / sdk-default = 507 / 213 = 2.38x, inside 1.5–2.5x
        assertThat(reading(r, "Direct OpenAI SDK + HTTP/2: 2x TTFT").verdict()).isEqualTo(Verdict.AGREES);
        // Gemini: generic is slightly faster to the first token here, the opposite of the lesson's 1.4x
        assertThat(reading(r, "Native Gemini SDK: 1.4x TTFT").verdict()).isEqualTo(Verdict.DISAGREES);
        // no c=64 cells: read at the nearest concurrency measured, and said so
        LessonReading c64 = reading(r, "pulls ahead 1.6x at c=64");
        assertThat(c64.verdict()).isEqualTo(Verdict.WEAKER);
        assertThat(c64.sentence()).contains("at c=32 = 1.04x");
        assertThat(LessonClaims.about("path")).isEqualTo(LessonClaims.about("lessons-path")).hasSize(7);
        assertThat(LessonsTables.render(r)).contains("Reading (computed from the numbers above): batch tok/s sdk-default/generic");
    }
}

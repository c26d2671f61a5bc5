package dev.llmbench.bench.path;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.core.Versioned;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The versions bench actually loads, next to the official SDKs and LangChain4j, are the ones the poms pin (passed in
 * by surefire as {@code pin.*}): one OkHttp, one Kotlin stdlib and one Jackson line, whatever each library was built
 * against. The enforcer's requireUpperBoundDeps guards the resolution; this guards the class path itself.
 */
class PathDependencyVersionsTest {

    @Test
    void okHttpIsThePinnedVersion() {
        assertThat(okhttp3.OkHttp.VERSION).isEqualTo(pin("okhttp"));
    }

    @Test
    void kotlinStdlibIsThePinnedVersion() throws ReflectiveOperationException {
        Object current = Class.forName("kotlin.KotlinVersion").getField("CURRENT").get(null);
        assertThat(current.toString()).isEqualTo(pin("kotlin"));
    }

    @Test
    void okioComesFromThePinnedJar() throws ReflectiveOperationException {
        String jar = Class.forName("okio.Buffer").getProtectionDomain().getCodeSource().getLocation().getPath();
        assertThat(jar).endsWith("okio-jvm-" + pin("okio") + ".jar");
    }

    /** Every Jackson module the SDKs, LangChain4j and our reports use reports the same, pinned, version. */
    @Test
    void everyJacksonModuleIsThePinnedVersion() throws ReflectiveOperationException {
        List<String> modules = List.of(
                "com.fasterxml.jackson.core.json.PackageVersion",
                "com.fasterxml.jackson.databind.cfg.PackageVersion",
                "com.fasterxml.jackson.datatype.jdk8.PackageVersion",
                "com.fasterxml.jackson.datatype.jsr310.PackageVersion",
                "com.fasterxml.jackson.dataformat.csv.PackageVersion",
                "com.fasterxml.jackson.module.kotlin.PackageVersion");
        for (String m : modules) {
            Version v = (Version) Class.forName(m).getField("VERSION").get(null);
            assertThat(v.toString()).as(m).isEqualTo(pin("jackson"));
        }
        // annotations are versioned by minor line only (2.20+): same major.minor
        Version databind = ((Versioned) new com.fasterxml.jackson.databind.ObjectMapper()).version();
        String annotationsJar = com.fasterxml.jackson.annotation.JsonProperty.class.getProtectionDomain().getCodeSource()
                .getLocation().getPath();
        assertThat(annotationsJar).contains("jackson-annotations-" + databind.getMajorVersion() + "." + databind.getMinorVersion());
    }

    private static String pin(String name) {
        String v = System.getProperty("pin." + name);
        assertThat(v).as("pin." + name + " (set by the bench pom's surefire configuration)").isNotBlank();
        return v;
    }
}

package io.sluice.api;

import io.sluice.internal.context.JvmFlags;
import io.sluice.tools.JvmArgs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The JVM flags: one list in code, equal to the build's {@code sluice.jvm.flags}, the committed argument files and
 * the README; a JVM started without them gets a message listing them at context creation (a real child JVM), and one
 * started with {@code @engine/sluice.jvm.args} builds a context.
 */
class JvmFlagsTest
{
    private static final Path ENGINE = Path.of("").toAbsolutePath();

    @Test
    void theFlagsAreOneListEverywhere() throws IOException
    {
        final String pom = Files.readString(ENGINE.resolveSibling("pom.xml").normalize());
        final Matcher m = Pattern.compile("<sluice.jvm.flags>([^<]*)</sluice.jvm.flags>").matcher(pom);
        assertTrue(m.find(), "the parent POM defines sluice.jvm.flags");
        assertEquals(JvmFlags.all(), Arrays.asList(m.group(1).trim().split("\\s+")), "the POM's flags");
        assertEquals(JvmArgs.text(false), Files.readString(ENGINE.resolve("sluice.jvm.args")),
            "engine/sluice.jvm.args (regenerate: java -cp engine/target/classes io.sluice.tools.JvmArgs)");
        assertEquals(JvmArgs.text(true), Files.readString(ENGINE.resolve("sluice-jdk24.jvm.args")),
            "engine/sluice-jdk24.jvm.args (regenerate with --jdk24)");
        final String readme = Files.readString(ENGINE.resolveSibling("README.md").normalize());
        for (final String flag : JvmFlags.all())
        {
            if (flag.startsWith("--"))
            {
                assertTrue(readme.contains(flag), "the README lists " + flag);
            }
        }
        assertTrue(readme.contains("@engine/sluice.jvm.args"), "the README shows the argument file");
        assertTrue(JvmFlags.missing().isEmpty(), "the test JVM has them all: " + JvmFlags.missing());
    }

    private static Process child(final List<String> jvmArgs) throws IOException
    {
        return new ProcessBuilder(io.sluice.testsupport.ChildJvm.command(false, jvmArgs, JvmFlagsProbe.class))
            .redirectErrorStream(true).start();
    }

    @Test
    void aJvmWithoutTheFlagsIsToldWhichAndHowAtContextCreation() throws Exception
    {
        final Process without = child(List.of());
        final String said = new String(without.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(without.waitFor(60, TimeUnit.SECONDS));
        assertEquals(3, without.exitValue(), said);
        assertTrue(said.contains("missing: --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED"), said);
        assertTrue(said.contains("--add-opens=java.base/java.util=ALL-UNNAMED"), said);
        assertTrue(said.contains("java @sluice.jvm.args") && said.contains(JvmFlags.README_SECTION), said);

        final Process with = child(List.of("@" + ENGINE.resolve("sluice.jvm.args")));
        final String saidWith = new String(with.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(with.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, with.exitValue(), "with the argument file the context builds: " + saidWith);
    }
}

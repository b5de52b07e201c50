package io.sluice.internal.log;

import io.sluice.api.Codecs;
import io.sluice.internal.ingest.IngestConfig;
import io.sluice.internal.ingest.IngestPipeline;
import net.openhft.chronicle.core.analytics.AnalyticsFacade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chronicle's usage analytics stay off: the analytics jar is not on the classpath, the disable property is set,
 * and running a pipeline creates none of the files chronicle-analytics writes under {@code user.home}.
 */
class ChronicleAnalyticsTest
{
    @TempDir
    Path dataDir;

    @Test
    void runningAPipelineCreatesNoAnalyticsFiles() throws Exception
    {
        final Path home = Path.of(System.getProperty("user.home"));
        final Path clientId = home.resolve(ChronicleSetup.ANALYTICS_CLIENT_ID_FILE_NAME);
        final Path last = home.resolve(ChronicleSetup.ANALYTICS_LAST_FILE_NAME);
        final boolean hadClientId = Files.exists(clientId);
        final boolean hadLast = Files.exists(last);

        try (IngestPipeline pipeline = new IngestPipeline(IngestConfig.defaults(), dataDir))
        {
            final int id = pipeline.registerStream("s");
            pipeline.start();
            pipeline.writer(id, Codecs.STRING).store("hello");
            pipeline.cut(1);
            pipeline.awaitSegments(1);
        }

        assertEquals("true", System.getProperty(ChronicleSetup.ANALYTICS_DISABLE_PROP_NAME));
        assertEquals("true", System.getProperty(ChronicleSetup.ANNOUNCER_DISABLE_PROP_NAME));
        assertFalse(AnalyticsFacade.isEnabled());
        assertThrows(ClassNotFoundException.class, () -> Class.forName("net.openhft.chronicle.analytics.Analytics"));
        if (!hadClientId)
        {
            assertFalse(Files.exists(clientId), clientId + " was created");
        }
        if (!hadLast)
        {
            assertFalse(Files.exists(last), last + " was created");
        }
    }

    @Test
    void aFreshJvmWithoutTheFlagAndWithAnEmptyHomeGetsNoAnalyticsFiles(@TempDir final Path home) throws Exception
    {
        final List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the module flags Chronicle needs, but not -Dchronicle.analytics.disable: ChronicleSetup must set it
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
            .filter((arg) -> arg.startsWith("--add-") || arg.startsWith("--enable-native-access"))
            .collect(Collectors.toList()));
        command.add("-Duser.home=" + home);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(AnalyticsProbeMain.class.getName());
        command.add(dataDir.toString());

        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        // safety net only; the probe takes about a second
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "probe JVM did not finish");
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.contains(ChronicleSetup.ANALYTICS_DISABLE_PROP_NAME + "=true"), output);
        try (var files = Files.list(home))
        {
            assertEquals(List.of(), files.map((f) -> f.getFileName().toString())
                .filter((name) -> name.startsWith(".chronicle")).collect(Collectors.toList()));
        }
        assertFalse(Files.exists(home.resolve(ChronicleSetup.ANALYTICS_CLIENT_ID_FILE_NAME)));
    }
}

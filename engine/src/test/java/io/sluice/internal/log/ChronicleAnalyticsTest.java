package io.sluice.internal.log;

import io.sluice.api.Codecs;
import io.sluice.internal.ingest.IngestConfig;
import io.sluice.internal.ingest.IngestPipeline;
import net.openhft.chronicle.core.analytics.AnalyticsFacade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}

package io.sluice.internal.log;

import io.sluice.api.Codecs;
import io.sluice.internal.ingest.IngestConfig;
import io.sluice.internal.ingest.IngestPipeline;

import java.nio.file.Path;

/**
 * Runs a pipeline in a fresh JVM for {@link ChronicleAnalyticsTest} and prints the analytics property as the
 * pipeline left it. Argument: an existing data directory.
 */
public final class AnalyticsProbeMain
{
    private AnalyticsProbeMain()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        try (IngestPipeline pipeline = new IngestPipeline(IngestConfig.defaults(), Path.of(args[0])))
        {
            final int id = pipeline.registerStream("s");
            pipeline.start();
            pipeline.writer(id, Codecs.STRING).store("hello");
            pipeline.cut(1);
            pipeline.awaitSegments(1);
        }
        System.out.println(ChronicleSetup.ANALYTICS_DISABLE_PROP_NAME + "=" +
            System.getProperty(ChronicleSetup.ANALYTICS_DISABLE_PROP_NAME));
    }
}

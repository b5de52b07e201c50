package io.sluice.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ExamplesHelpTest
{
    @Test
    void everyExampleNamedThroughMainAnswersHelpWithItsOptions() throws Exception
    {
        final PrintStream original = System.out;
        for (final String example : List.of("uber.UberTrainer", "uber.UberTripEnricher", "uber.UberPopularClusters",
            "stateful.StatefulWordCount", "windowed.WindowedWordCount", "iot.IotPipeline", "trading.TradingPipeline"))
        {
            final ByteArrayOutputStream captured = new ByteArrayOutputStream();
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try
            {
                Main.main(new String[] {example, "--help"});
            }
            finally
            {
                System.setOut(original);
            }
            final String help = captured.toString(StandardCharsets.UTF_8);
            final String simpleName = example.substring(example.indexOf('.') + 1);
            assertTrue(help.startsWith(simpleName) && help.contains("--"), example + " --help printed: " + help);
        }
    }
}

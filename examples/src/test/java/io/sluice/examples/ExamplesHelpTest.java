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

    /** Runs {@code Main.run(args)} with stderr captured; returns {exit code, stderr}. */
    private static Object[] run(final String... args) throws Exception
    {
        final PrintStream original = System.err;
        final ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try
        {
            final int code = Main.run(args);
            return new Object[] {code, captured.toString(StandardCharsets.UTF_8)};
        }
        finally
        {
            System.setErr(original);
        }
    }

    @Test
    void aWrongCommandLineGetsItsReasonAndTheUsageNotAStackTrace() throws Exception
    {
        for (final String[] args : List.of(new String[] {"--port"}, new String[] {"--port", "x"},
            new String[] {"--bogus"}, new String[] {"stateful.StatefulWordCount", "--batches"},
            new String[] {"uber.UberTrainer", "--k", "ten"}, new String[] {"nosuch.Example"}))
        {
            final Object[] result = run(args);
            final String err = (String)result[1];
            org.junit.jupiter.api.Assertions.assertEquals(2, result[0], String.join(" ", args) + ": " + err);
            assertTrue(err.startsWith("error: "), err);
            assertTrue(!err.contains("Exception") && !err.contains("\tat "), "no stack trace: " + err);
            assertTrue(args[0].equals("nosuch.Example") ? err.contains("the examples are: wordcount.NetworkWordCount")
                : err.contains("--"), "the usage follows: " + err);
        }
    }
}

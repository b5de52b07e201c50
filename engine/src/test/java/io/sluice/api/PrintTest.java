package io.sluice.api;

import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** SEMANTICS §11: print()'s layout, byte for byte. */
class PrintTest
{
    private static final String RULE = "-------------------------------------------\n";

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void capture()
    {
        original = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore()
    {
        System.setOut(original);
    }

    @Test
    void printsTenElementsThenDotsAndEmptyBatchesToo()
    {
        final List<Integer> twelve = new ArrayList<>();
        for (int i = 1; i <= 12; i++)
        {
            twelve.add(i);
        }
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            driver.input(List.of(twelve, List.<Integer>of(), List.of(7))).print();
            driver.start();
            driver.advance(3);
        }
        final String expected = RULE + "Time: 1000 ms\n" + RULE + "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n...\n\n"
            + RULE + "Time: 2000 ms\n" + RULE + "\n"
            + RULE + "Time: 3000 ms\n" + RULE + "7\n\n";
        assertEquals(expected, captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void printsPairsScalaStyleAndHonoursNum()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            driver.input(List.of(List.of("a b a", "c"))).flatMap(line -> List.of(line.split(" ")))
                .mapToPair(word -> Pair.of(word, 1L)).reduceByKey(Long::sum).print(2);
            driver.start();
            driver.advance(1);
        }
        assertEquals(RULE + "Time: 1000 ms\n" + RULE + "(a,2)\n(b,1)\n...\n\n", captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void exactlyNumElementsPrintNoDots()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            driver.input(List.of(List.of("x", "y"))).print(2);
            driver.start();
            driver.advance(1);
        }
        assertEquals(RULE + "Time: 1000 ms\n" + RULE + "x\ny\n\n", captured.toString(StandardCharsets.UTF_8));
    }

    @Test
    void noBatchMeansNothingPrinted()
    {
        final List<List<String>> batches = new ArrayList<>();
        batches.add(null);
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            driver.input(batches).print();
            driver.start();
            driver.advance(1);
        }
        assertEquals("", captured.toString(StandardCharsets.UTF_8));
    }
}

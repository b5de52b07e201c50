package com.example;

// The README's testkit example, in a project that depends on the installed artifacts only.
import io.sluice.api.*;
import io.sluice.testkit.*;
import org.junit.jupiter.api.Test;
import java.time.Duration;
import java.util.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

class WordCountTest {
    static PairDStream<String, Long> wordCounts(DStream<String> lines) {   // the pipeline under test
        return lines.flatMap(l -> Arrays.asList(l.split(" "))).mapToPair(w -> Pair.of(w, 1L)).reduceByKey(Long::sum);
    }

    @Test
    void countsWordsPerBatch() {
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1))) {
            TestInputStream<String> lines = driver.createInputStream();
            CollectedOutput<Pair<String, Long>> out = driver.collect(wordCounts(lines.stream()));
            driver.start();
            lines.pipeInput("a b a");
            driver.advance(1);                   // batch 1 s: returns when its jobs are done; rethrows a job's failure
            lines.pipeInputList(List.of("b", "c"));
            driver.advance(1);                   // batch 2 s
            assertEquals(List.of(List.of(Pair.of("a", 2L), Pair.of("b", 1L)),
                                 List.of(Pair.of("b", 1L), Pair.of("c", 1L))), out.batches());
        }
    }
}

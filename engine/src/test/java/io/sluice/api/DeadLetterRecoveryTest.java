package io.sluice.api;

import io.sluice.internal.memory.OffHeapLeakCheck;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Dead letters are bounded (a cap with a counted overflow), paged, and readable after stop and after a restart. */
@ExtendWith(OffHeapLeakCheck.class)
class DeadLetterRecoveryTest
{
    private static final Duration BATCH = Duration.ofSeconds(1);
    private static final Map<String, String> CAP_THREE = Map.of("sluice.deadLetter.maxRecords", "3");

    @TempDir
    Path tmp;


    private static List<String> records(final List<DeadLetter> letters)
    {
        return letters.stream().map(DeadLetter::record).toList();
    }

    @Test
    void capOverflowPagesAndRestarts()
    {
        final Path checkpoint = tmp.resolve("cp");
        final StreamingContext stopped;
        try (StreamingTestDriver driver = StreamingTestDriver.create(BATCH, checkpoint, CAP_THREE))
        {
            final PassiveReceiver<String> receiver = new PassiveReceiver<>();
            driver.collect(driver.context().receiverStream(receiver, Codecs.STRING));
            driver.start();
            receiver.storeDeadLetter("bad-1", "reason 1");
            receiver.storeDeadLetter("bad-2", "reason 2");
            assertEquals(List.of("bad-1", "bad-2"), records(driver.context().deadLetters()));
            driver.crash();
            stopped = driver.context();
        }
        assertEquals(List.of("bad-1", "bad-2"), records(stopped.deadLetters()), "readable after stop");
        try (StreamingTestDriver driver = StreamingTestDriver.recover(BATCH, checkpoint, CAP_THREE))
        {
            final PassiveReceiver<String> receiver = new PassiveReceiver<>();
            driver.collect(driver.context().receiverStream(receiver, Codecs.STRING));
            driver.start();
            assertEquals(List.of("bad-1", "bad-2"), records(driver.context().deadLetters()), "after a restart");
            receiver.storeDeadLetter("bad-3", "reason 3");
            receiver.storeDeadLetter("bad-4", "reason 4");
            receiver.storeDeadLetter("bad-5", "reason 5");
            assertEquals(List.of("bad-1", "bad-2", "bad-3"), records(driver.context().deadLetters()),
                "the cap counts earlier runs' letters");
            assertEquals(2, driver.context().deadLetterOverflow());
            assertEquals(List.of("bad-2", "bad-3"), records(driver.context().deadLetters(1, 5)));
            assertEquals("reason 3", driver.context().deadLetters(2, 1).get(0).reason());
        }
    }
}

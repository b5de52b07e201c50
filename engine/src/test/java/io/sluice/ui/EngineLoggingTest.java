package io.sluice.ui;

import io.sluice.api.BatchInfo;
import io.sluice.api.Codecs;
import io.sluice.api.OutputOperationInfo;
import io.sluice.api.PassiveReceiver;
import io.sluice.api.ReceiverInfo;
import io.sluice.api.Time;
import io.sluice.internal.ui.EventLog;
import io.sluice.testkit.StreamingTestDriver;
import io.sluice.testlog.CapturedLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the engine writes to the application's log (SLF4J, captured by the tests' binding): lifecycle, receivers,
 * failed outputs, slow batches and dead-letter bursts, the last two rate-limited by the context's clock.
 */
class EngineLoggingTest
{
    @BeforeEach
    void clear()
    {
        CapturedLog.clear();
    }

    private static List<CapturedLog.Line> lines(final String logger, final String containing)
    {
        return CapturedLog.lines().stream().filter(l -> l.logger().equals(logger) && l.message().contains(containing))
            .toList();
    }

    private static BatchInfo batch(final long time, final long processingMs, final Optional<String> failure)
    {
        final OutputOperationInfo op = new OutputOperationInfo(new Time(time), 0, "foreachBatch", "foreachBatch (0)",
            Optional.of(time), Optional.of(time + processingMs), failure);
        return new BatchInfo(new Time(time), 10, Optional.of(Duration.ZERO), Optional.of(Duration.ofMillis(processingMs)),
            Optional.of(Duration.ofMillis(processingMs)), time, Optional.of(time), Optional.of(time + processingMs),
            Map.of(0, 10L), List.of(op));
    }

    @Test
    void slowBatchesAreLoggedOncePerTenSecondsOfBatchTimeWithACount()
    {
        final EventLog log = new EventLog("app", 1000);
        log.onBatchCompleted(batch(1000, 1500, Optional.empty()));
        log.onBatchCompleted(batch(2000, 1200, Optional.empty()));
        log.onBatchCompleted(batch(3000, 900, Optional.empty()));   // not slow
        log.onBatchCompleted(batch(11_000, 2000, Optional.empty()));
        final List<CapturedLog.Line> slow = lines("io.sluice.streaming", "longer than the 1000 ms batch interval");
        assertEquals(2, slow.size(), slow.toString());
        assertEquals(Level.WARN, slow.get(0).level());
        assertTrue(slow.get(0).message().startsWith("batch 1000 took 1500 ms") && slow.get(0).message()
            .contains("(1 slow batch(es) since"), slow.get(0).message());
        assertTrue(slow.get(1).message().startsWith("batch 11000 took 2000 ms") && slow.get(1).message()
            .contains("(2 slow batch(es) since"), "the 2 s batch was counted, not logged: " + slow.get(1).message());
    }

    @Test
    void failedOutputsAndReceiverErrorsAreLogged()
    {
        final EventLog log = new EventLog("app", 1000);
        log.onBatchCompleted(batch(1000, 5, Optional.of("java.lang.IllegalStateException: boom\n\tat x.y(Z.java:1)")));
        log.onReceiverError(new ReceiverInfo(0, "socket 127.0.0.1:9", true, "connection refused", "trace\nline"));
        final List<CapturedLog.Line> failed = lines("io.sluice.streaming", "failed: java.lang.IllegalStateException");
        assertEquals(1, failed.size());
        assertEquals(Level.ERROR, failed.get(0).level());
        assertTrue(failed.get(0).message().endsWith("boom"), "the first line of the reason only: " + failed.get(0));
        final List<CapturedLog.Line> receiver = lines("io.sluice.streaming", "connection refused");
        assertEquals(Level.WARN, receiver.get(0).level());
        assertTrue(receiver.get(0).message().startsWith("receiver socket 127.0.0.1:9 (stream 0)"));
    }

    @Test
    void aContextLogsItsLifecycleReceiversAndDeadLetterBursts()
    {
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1)))
        {
            final PassiveReceiver<String> receiver = new PassiveReceiver<>();
            driver.context().receiverStream(receiver, Codecs.STRING).print();
            driver.start();
            for (int i = 0; i < 50; i++)
            {
                receiver.storeDeadLetter("bad " + i, "not a number");
            }
            driver.advance(12);
            receiver.storeDeadLetter("bad later", "not a number");   // 12 s of batch time after the first
            driver.context().stop();
        }
        assertEquals(1, lines("io.sluice.streaming", "StreamingContext 'sluice-test' started").size());
        assertEquals(1, lines("io.sluice.streaming", "StreamingContext 'sluice-test' stopped").size());
        assertEquals(1, lines("io.sluice.streaming", "receiver PassiveReceiver (stream 0) started").size());
        final List<CapturedLog.Line> bursts = CapturedLog.lines().stream()
            .filter(l -> l.message().contains("dead letter(s) since the last report")).toList();
        assertEquals(2, bursts.size(), "the first, then one after 10 s of the context's clock: " + bursts);
        assertTrue(bursts.get(0).message().startsWith("1 dead letter(s)"), bursts.get(0).message());
        assertTrue(bursts.get(1).message().startsWith("50 dead letter(s)") && bursts.get(1).message()
            .contains("not a number"), "the 49 in between were counted: " + bursts.get(1).message());
    }
}

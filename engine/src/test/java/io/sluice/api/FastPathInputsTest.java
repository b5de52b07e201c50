package io.sluice.api;

import io.sluice.internal.memory.OffHeapAllocator;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Fast-path inputs through the real ingest pipeline (ring, Chronicle segments): text decoded from the segment into a
 * bytes column, longs stored without boxing; the fast chains equal the generic chains over the same input, and the
 * off-heap columns are freed when the context stops.
 */
class FastPathInputsTest
{
    @Test
    void socketTextWordCountOnTheFastPathEqualsTheGenericOne() throws Exception
    {
        final long liveAtStart = OffHeapAllocator.liveBytes();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1), Map.of()))
        {
            server.setSoTimeout(60_000);
            final DStream<String> lines = driver.context().socketTextStream("127.0.0.1", server.getLocalPort());
            final CollectedOutput<Pair<String, Long>> fast = driver.collect(
                TextDStream.of(lines).splitWords().countByValue().boxed());
            final CollectedOutput<Pair<String, Long>> generic = driver.collect(
                lines.flatMap(line -> Arrays.asList(line.split(" "))).mapToPair(w -> Pair.of(w, 1L)).reduceByKey(Long::sum));
            final CollectedOutput<String> raw = driver.collect(lines);
            driver.start();
            try (Socket client = server.accept())
            {
                final OutputStream out = client.getOutputStream();
                out.write("to be or not to be\nnaïve  café\n日本 to\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                driver.awaitReceived(3);
                driver.advance(1);
                out.write("be\n".getBytes(StandardCharsets.UTF_8));
                out.flush();
                driver.awaitReceived(4);
                driver.advance(1);
            }
            assertEquals(List.of(List.of("to be or not to be", "naïve  café", "日本 to"), List.of("be")), raw.batches());
            assertEquals(generic.batches(), fast.batches());
            assertEquals(List.of(Pair.of("to", 3L), Pair.of("be", 2L), Pair.of("or", 1L), Pair.of("not", 1L),
                Pair.of("naïve", 1L), Pair.of("", 1L), Pair.of("café", 1L), Pair.of("日本", 1L)), fast.batches().get(0));
        }
        assertEquals(liveAtStart, OffHeapAllocator.liveBytes(), "off-heap bytes leaked");
    }

    /** Stores 1..n with storeLong from its own thread. */
    static final class CountingReceiver extends LongReceiver
    {
        private final int n;

        CountingReceiver(final int n)
        {
            this.n = n;
        }

        @Override
        public void onStart()
        {
            new Thread(() ->
            {
                for (int i = 1; i <= n && !isStopped(); i++)
                {
                    storeLong(i);
                }
            }, "counting-receiver").start();
        }

        @Override
        public void onStop()
        {
        }
    }

    @Test
    void longReceiverStoresWithoutBoxingAndTheColumnEqualsTheBoxedStream() throws Exception
    {
        final long liveAtStart = OffHeapAllocator.liveBytes();
        final int n = 10_000;
        try (StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1), Map.of()))
        {
            final LongDStream values = driver.context().longReceiverStream(new CountingReceiver(n));
            final CollectedOutput<Long> sum = driver.collect(values.reduce(Long::sum).boxed());
            final CollectedOutput<Long> evens = driver.collect(values.filter(x -> x % 2 == 0).count().boxed());
            final CollectedOutput<Long> boxedSum = driver.collect(values.boxed().reduce(Long::sum));
            driver.start();
            driver.awaitReceived(n);
            driver.advance(1);
            assertEquals(List.of(List.of((long)n * (n + 1) / 2)), sum.batches());
            assertEquals(List.of(List.of((long)n / 2)), evens.batches());
            assertEquals(sum.batches(), boxedSum.batches());
        }
        assertEquals(liveAtStart, OffHeapAllocator.liveBytes(), "off-heap bytes leaked");
    }
}

package io.sluice.internal.receiver;

import io.sluice.api.DStream;
import io.sluice.api.DeadLetter;
import io.sluice.api.Pair;
import io.sluice.testkit.CollectedOutput;
import io.sluice.testkit.StreamingTestDriver;
import org.junit.jupiter.api.Test;

import java.io.IOException;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/** socketTextStream against a real TCP server on loopback, including a server that disconnects and comes back. */
class SocketTextStreamTest
{
    private static void send(final Socket client, final String text) throws IOException
    {
        final OutputStream out = client.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Test
    void countsWordsAcrossADisconnectAndReconnect() throws Exception
    {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1),
                 Map.of("sluice.receiver.restartDelay", "0ms")))
        {
            server.setSoTimeout(60_000);
            final DStream<String> lines = driver.context().socketTextStream("127.0.0.1", server.getLocalPort());
            final CollectedOutput<Pair<String, Long>> counts = driver.collect(
                lines.flatMap(line -> Arrays.asList(line.split(" "))).mapToPair(w -> Pair.of(w, 1L)).reduceByKey(Long::sum));
            driver.start();

            try (Socket first = server.accept())
            {
                send(first, "a b a\r\nc\n");
                driver.awaitReceived(2);
                driver.advance(1);
            }
            // The server closed the connection: the receiver restarts and connects again.
            try (Socket second = server.accept())
            {
                send(second, "b b\nlast line without newline");
            }
            driver.awaitReceived(4);
            driver.advance(1);

            assertEquals(List.of(
                List.of(Pair.of("a", 2L), Pair.of("b", 1L), Pair.of("c", 1L)),
                List.of(Pair.of("b", 2L), Pair.of("last", 1L), Pair.of("line", 1L), Pair.of("without", 1L),
                    Pair.of("newline", 1L))), counts.batches());
        }
    }

    @Test
    void overLongAndInvalidLinesGoToTheDeadLetterQueueWithTheirReason() throws Exception
    {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1),
                 Map.of("sluice.socket.maxLineBytes", "16", "sluice.receiver.restartDelay", "0ms")))
        {
            server.setSoTimeout(60_000);
            final CollectedOutput<String> lines = driver.collect(
                driver.context().socketTextStream("127.0.0.1", server.getLocalPort()));
            driver.start();
            try (Socket client = server.accept())
            {
                send(client, "short\n" + "x".repeat(40) + "\n");
                client.getOutputStream().write(new byte[] {(byte)0xC3, (byte)0x28, '\n'});
                send(client, "after\n");
                driver.awaitReceived(2);
                driver.advance(1);
            }
            assertEquals(List.of(List.of("short", "after")), lines.batches());
            final List<DeadLetter> dead = driver.context().deadLetters();
            assertEquals(2, dead.size());
            assertEquals("x".repeat(16), dead.get(0).record());
            assertTrue(dead.get(0).reason().contains("40 bytes, more than sluice.socket.maxLineBytes=16"),
                dead.get(0).reason());
            assertTrue(dead.get(1).reason().contains("not valid UTF-8"), dead.get(1).reason());
            assertTrue(dead.get(0).stream().startsWith("socket 127.0.0.1:"), dead.get(0).stream());
        }
    }

    @Test
    void aConnectionResetMidLineDeadLettersThePartialLine() throws Exception
    {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1),
                 Map.of("sluice.receiver.restartDelay", "0ms")))
        {
            server.setSoTimeout(60_000);
            final CollectedOutput<String> lines = driver.collect(
                driver.context().socketTextStream("127.0.0.1", server.getLocalPort()));
            driver.start();
            final Socket client = server.accept();
            send(client, "one\ntwo\npartial li");
            driver.awaitReceived(2);   // both lines stored: the partial one is in the receiver
            client.setSoLinger(true, 0);
            client.close();            // RST: the receiver's read fails with a reset
            try (Socket again = server.accept())   // it restarted and reconnected
            {
                send(again, "three\n");
                driver.awaitReceived(3);
            }
            driver.advance(1);
            assertEquals(List.of(List.of("one", "two", "three")), lines.batches());
            final List<DeadLetter> dead = driver.context().deadLetters();
            assertEquals(1, dead.size(), dead.toString());
            assertEquals("partial li", dead.get(0).record());
            assertTrue(dead.get(0).reason().contains("cut off after 10 bytes by a read error")
                && dead.get(0).reason().contains("not a record"), dead.get(0).reason());
        }
    }

    @Test
    void aServerThatSendsNothingIsNoticedWithAReadTimeout() throws Exception
    {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             StreamingTestDriver driver = StreamingTestDriver.create(Duration.ofSeconds(1),
                 Map.of("sluice.receiver.restartDelay", "0ms", "sluice.socket.readTimeout", "200ms")))
        {
            server.setSoTimeout(60_000);
            final java.util.concurrent.CopyOnWriteArrayList<String> errors =
                new java.util.concurrent.CopyOnWriteArrayList<>();
            driver.context().addStreamingListener(new io.sluice.api.StreamingListener()
            {
                @Override
                public void onReceiverError(final io.sluice.api.ReceiverInfo info)
                {
                    errors.add(info.lastErrorMessage());
                }
            });
            final CollectedOutput<String> lines = driver.collect(
                driver.context().socketTextStream("127.0.0.1", server.getLocalPort()));
            driver.start();
            try (Socket silent = server.accept())
            {
                send(silent, "hello\nhal");
                driver.awaitReceived(1);
                try (Socket again = server.accept())   // the read timed out: the receiver reconnected
                {
                    send(again, "world\n");
                    driver.awaitReceived(2);
                }
            }
            driver.advance(1);
            assertEquals(List.of(List.of("hello", "world")), lines.batches());
            assertTrue(errors.stream().anyMatch(e -> e.contains("for 200 ms (sluice.socket.readTimeout)")),
                errors.toString());
            final List<DeadLetter> dead = driver.context().deadLetters();
            assertEquals(1, dead.size(), dead.toString());
            assertEquals("hal", dead.get(0).record());
            assertTrue(dead.get(0).reason().contains("by a read timeout"), dead.get(0).reason());
        }
    }
}

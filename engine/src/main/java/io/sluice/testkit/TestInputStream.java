package io.sluice.testkit;

import io.sluice.api.DStream;

import java.util.AbstractQueue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * An input a test feeds while the context runs, batch by batch (Kafka's {@code TestInputTopic}): every record piped
 * since the last batch becomes the next batch, as one partition; a batch with nothing piped is an empty batch (outputs
 * see it, as with Spark's {@code queueStream}).
 *
 * <pre>{@code
 * TestInputStream<String> lines = driver.createInputStream();
 * CollectedOutput<Pair<String, Long>> counts = driver.collect(lines.stream().mapToPair(w -> Pair.of(w, 1L))
 *     .reduceByKey(Long::sum));
 * driver.start();
 * lines.pipeInput("a");
 * lines.pipeInputList(List.of("b", "a"));
 * driver.advance(1);                        // batch 1: a, b, a
 * }</pre>
 *
 * Thread-safe: pipe from any thread. Backed by a {@code queueStream}, so a driver with one cannot be recovered after
 * {@link StreamingTestDriver#crash()} (use a receiver input for recovery tests).
 *
 * @param <T> the record type
 */
public final class TestInputStream<T>
{
    private final DStream<T> stream;
    private final Pending<T> pending;

    TestInputStream(final DStream<T> stream, final Pending<T> pending)
    {
        this.stream = stream;
        this.pending = pending;
    }

    /** The stream to build the pipeline on. */
    public DStream<T> stream()
    {
        return stream;
    }

    /** Adds {@code record} to the next batch. */
    public void pipeInput(final T record)
    {
        pending.append(List.of(record));
    }

    /** Adds {@code records}, in order, to the next batch. */
    public void pipeInputList(final List<? extends T> records)
    {
        pending.append(records);
    }

    /** What the next batch takes: the records piped since the last one, as one collection (a queue of 0 or 1). */
    static final class Pending<T> extends AbstractQueue<List<T>>
    {
        private List<T> records = new ArrayList<>();

        synchronized void append(final List<? extends T> more)
        {
            records.addAll(more);
        }

        @Override
        public synchronized List<T> poll()
        {
            if (records.isEmpty())
            {
                return null;
            }
            final List<T> batch = records;
            records = new ArrayList<>();
            return batch;
        }

        @Override
        public synchronized List<T> peek()
        {
            return records.isEmpty() ? null : records;
        }

        @Override
        public boolean offer(final List<T> batch)
        {
            append(batch);
            return true;
        }

        @Override
        public synchronized int size()
        {
            return records.isEmpty() ? 0 : 1;
        }

        @Override
        public synchronized Iterator<List<T>> iterator()
        {
            return records.isEmpty() ? Collections.emptyIterator() : List.of(List.copyOf(records)).iterator();
        }
    }
}

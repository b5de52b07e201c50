package io.sluice.peers;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;

import java.util.function.BiConsumer;

/**
 * A Flink sink that hands every result to the run's {@link Outcome} in this JVM (local execution), so Flink's
 * output costs what Jet's custom sink and Spark's and Sluice's in-driver outputs cost, rather than
 * {@code executeAndCollect}'s round trip through the job coordinator.
 *
 * @param <T> the result type.
 */
public final class FlinkOutcomeSink<T> implements Sink<T>
{
    private static final long serialVersionUID = 1L;

    /** The consumer results go to; static because the sink is serialized into the job graph. */
    static volatile BiConsumer<Outcome, Object> consumer;
    static volatile Outcome outcome;
    /** When the last result arrived: the end of a timed run (job tear-down is not the engine's throughput). */
    static volatile long lastWriteNanos;

    @Override
    public SinkWriter<T> createWriter(final WriterInitContext context)
    {
        return new SinkWriter<T>()
        {
            @Override
            public void write(final T element, final Context writeContext)
            {
                consumer.accept(outcome, element);
                lastWriteNanos = System.nanoTime();
            }

            @Override
            public void flush(final boolean endOfInput)
            {
                // nothing buffered
            }

            @Override
            public void close()
            {
                // nothing to close
            }
        };
    }
}

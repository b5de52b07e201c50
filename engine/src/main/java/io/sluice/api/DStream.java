package io.sluice.api;

import io.sluice.internal.generic.CountNode;
import io.sluice.internal.generic.FilterNode;
import io.sluice.internal.generic.FlatMapNode;
import io.sluice.internal.generic.GlomNode;
import io.sluice.internal.generic.MapNode;
import io.sluice.internal.generic.MapPartitionsNode;
import io.sluice.internal.generic.ReduceNode;
import io.sluice.internal.generic.RepartitionNode;
import io.sluice.internal.generic.TransformNode;
import io.sluice.internal.generic.UnionNode;
import io.sluice.internal.generic.WholeBatchNode;
import io.sluice.internal.generic.WindowNode;
import io.sluice.internal.graph.BatchData;
import io.sluice.internal.graph.Node;
import io.sluice.internal.graph.OutputNode;
import io.sluice.internal.output.PrintFormat;
import io.sluice.internal.output.TextFilesWriter;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A discretized stream: one {@link Batch} per slide interval (Spark's {@code DStream}). Transformations return new
 * streams; output operations ({@link #print()}, {@link #foreachBatch}, {@link #saveAsTextFiles}) make the context
 * run them every batch, in registration order. All of them may only be called while the context is INITIALIZED.
 *
 * <p>This is the generic path: elements are Java objects. Functions run on the context's job thread.
 */
public abstract class DStream<T>
{
    final StreamingContext context;
    final Node<T> node;

    DStream(final StreamingContext context, final Node<T> node)
    {
        this.context = context;
        this.node = node;
    }

    static <T> DStream<T> wrap(final StreamingContext context, final Node<T> node)
    {
        return new GenericDStream<>(context, node);
    }

    /** The stream's own implementation, for classes of this package. */
    static final class GenericDStream<T> extends DStream<T>
    {
        GenericDStream(final StreamingContext context, final Node<T> node)
        {
            super(context, node);
        }
    }

    public StreamingContext context()
    {
        return context;
    }

    /** How often this stream produces a batch. */
    public Duration slideDuration()
    {
        return Duration.ofMillis(node.slideMs());
    }

    public <R> DStream<R> map(final Function<? super T, ? extends R> f)
    {
        return wrap(context, new MapNode<>(node, Objects.requireNonNull(f, "f")));
    }

    public <R> DStream<R> flatMap(final Function<? super T, ? extends Iterable<? extends R>> f)
    {
        return wrap(context, new FlatMapNode<>(node, Objects.requireNonNull(f, "f")));
    }

    public DStream<T> filter(final Predicate<? super T> p)
    {
        return wrap(context, new FilterNode<>(node, Objects.requireNonNull(p, "p")));
    }

    /** The number of elements of each batch; {@code [0]} for an empty batch. */
    public DStream<Long> count()
    {
        return wrap(context, new CountNode<>(node));
    }

    public <K, V> PairDStream<K, V> mapToPair(final Function<? super T, Pair<K, V>> f)
    {
        return PairDStream.wrapPairs(context, new MapNode<>(node, Objects.requireNonNull(f, "f")));
    }

    public <K, V> PairDStream<K, V> flatMapToPair(final Function<? super T, ? extends Iterable<Pair<K, V>>> f)
    {
        return PairDStream.wrapPairs(context, new FlatMapNode<>(node, Objects.requireNonNull(f, "f")));
    }

    /** Keeps each batch once computed, so several outputs and windows compute it once (Spark's cache). */
    public DStream<T> cache()
    {
        return persist();
    }

    /** Same as {@link #cache()}. Before start only ({@link UnsupportedOperationException} after). */
    public DStream<T> persist()
    {
        context.requireStorageChangeAllowed();
        node.persist();
        return this;
    }

    /** Prints the first ten elements of every batch (Spark's layout). */
    public void print()
    {
        print(10);
    }

    /** Prints the first {@code num} elements of every batch, and "..." when there are more. */
    public void print(final int num)
    {
        if (num < 1)
        {
            throw new IllegalArgumentException("print(num) needs num >= 1, was " + num);
        }
        output("print", (batch, time) ->
        {
            final List<T> first = new ArrayList<>(num + 1);
            for (final List<T> partition : batch.partitions())
            {
                for (final T element : partition)
                {
                    if (first.size() > num)
                    {
                        break;
                    }
                    first.add(element);
                }
            }
            PrintFormat.print(System.out, time, first, num);
        });
    }

    /** Runs {@code action} on every batch this stream produces (Spark's foreachRDD), on the job thread. */
    public void foreachBatch(final BiConsumer<Batch<T>, Time> action)
    {
        Objects.requireNonNull(action, "action");
        output("foreachBatch", (batch, time) -> action.accept(batch, new Time(time)));
    }

    /**
     * Writes every batch to a directory {@code prefix-<timeMs>.suffix} (no ".suffix" when it is empty) with one
     * {@code part-NNNNN} text file per partition and a {@code _SUCCESS} marker, as Spark does.
     */
    public void saveAsTextFiles(final String prefix, final String suffix)
    {
        Objects.requireNonNull(prefix, "prefix");
        output("saveAsTextFiles", (batch, time) -> TextFilesWriter.write(batch, prefix, suffix));
    }

    // ---- Chronicle topics (issue 7) ----

    /**
     * Appends every non-empty batch to the Chronicle topic in {@code queueDir} (created when missing): one document
     * per record, encoded with {@code codec}, then a batch marker with the batch time, so
     * {@link StreamingContext#chronicleTopic} in another context or process reads the records. Idempotent on batch
     * time: a batch whose time is at or before the last marker in the queue is skipped, so a batch run again (by
     * this or a later context on the same clock) is not written twice. A crash in the middle of a batch leaves no
     * marker, so that batch is written again in full: at least once, never lost. The queue is opened by the first
     * batch and stays open until the context stops, which closes it (a batch that fails while writing closes it too;
     * the next batch opens it again).
     */
    public void saveToChronicleTopic(final java.nio.file.Path queueDir, final Codec<T> codec)
    {
        output("saveToChronicleTopic", new io.sluice.internal.topic.TopicSink<>(
            Objects.requireNonNull(queueDir, "queueDir"), Objects.requireNonNull(codec, "codec")));
    }

    // ---- columnar fast-path entry points (issue 4a) ----

    /**
     * Fast path: one {@code long} per element, into an off-heap column; the {@link LongDStream} operators then run
     * with no boxing. Generic twin: {@code map(f)} to a {@code DStream<Long>}. {@code f} runs once per element.
     */
    public LongDStream mapToLong(final java.util.function.ToLongFunction<? super T> f)
    {
        return new LongDStream(context, new io.sluice.internal.operator.MapToLongOperator<>(node,
            Objects.requireNonNull(f, "f")));
    }

    /**
     * Fast path: a ({@code long}, {@code long}) pair per element, into two off-heap columns, for
     * {@link LongLongPairDStream#reduceByKey}. Generic twin: {@code mapToPair(x -> Pair.of(key(x), value(x)))}.
     */
    public LongLongPairDStream mapToLongPair(final java.util.function.ToLongFunction<? super T> key,
        final java.util.function.ToLongFunction<? super T> value)
    {
        return new LongLongPairDStream(context, new io.sluice.internal.operator.MapToLongPairOperator<>(node,
            Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value")));
    }

    /**
     * Fast path: a ({@code long}, {@code double}) pair per element, into two off-heap columns, for
     * {@link LongDoublePairDStream#reduceByKey}. Generic twin: {@code mapToPair(x -> Pair.of(key(x), value(x)))}.
     */
    public LongDoublePairDStream mapToLongDoublePair(final java.util.function.ToLongFunction<? super T> key,
        final java.util.function.ToDoubleFunction<? super T> value)
    {
        return new LongDoublePairDStream(context, new io.sluice.internal.operator.MapToLongDoublePairOperator<>(node,
            Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value")));
    }

    /**
     * Fast path: a (String key, {@code long} value) pair per element; keys go into a UTF-8 bytes column, so
     * {@link StringLongPairDStream#reduceByKey} hashes and compares them as bytes. Generic twin:
     * {@code mapToPair(x -> Pair.of(key(x), value(x)))}. {@code key} must not return {@code null}.
     */
    public StringLongPairDStream mapToStringLongPair(final Function<? super T, String> key,
        final java.util.function.ToLongFunction<? super T> value)
    {
        return new StringLongPairDStream(context, new io.sluice.internal.operator.MapToStringLongPairOperator<>(node,
            Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value")));
    }

    // ---- per-batch operators (issue 3a: element, per-batch, multi-parent, caching) ----

    /**
     * Calls {@code f} once per partition of each batch with a read-only iterator over the partition; the iterator it
     * returns (never {@code null}) becomes that output partition. Partitioning is kept.
     */
    public <R> DStream<R> mapPartitions(final Function<Iterator<T>, Iterator<R>> f)
    {
        return wrap(context, new MapPartitionsNode<>(node, Objects.requireNonNull(f, "f")));
    }

    /** Each partition of each batch becomes one element: the unmodifiable list of its elements. */
    public DStream<List<T>> glom()
    {
        return wrap(context, new GlomNode<>(node));
    }

    /**
     * Each batch cut into exactly {@code numPartitions} contiguous, near-equal partitions, keeping element order
     * (Spark spreads elements round-robin; which partition holds an element is not part of either contract).
     *
     * @throws IllegalArgumentException if {@code numPartitions < 1}.
     */
    public DStream<T> repartition(final int numPartitions)
    {
        return wrap(context, new RepartitionNode<>(node, numPartitions));
    }

    /**
     * Reduces each batch to one element with the associative {@code f} (one partition). An empty batch gives an empty
     * batch, NOT a zero element (Spark; compare {@link #count()}, which gives {@code [0]}).
     */
    public DStream<T> reduce(final BinaryOperator<T> f)
    {
        return wrap(context, new ReduceNode<>(node, Objects.requireNonNull(f, "f")));
    }

    /**
     * How many times each distinct element occurs in each batch, as {@code (element, count)}: one partition, elements
     * in order of first appearance. Elements need consistent {@code equals}/{@code hashCode}.
     */
    public PairDStream<T, Long> countByValue()
    {
        return this.<T, Long>mapToPair(element -> Pair.of(element, 1L)).reduceByKey(Long::sum);
    }

    /**
     * The elements of this stream and of {@code other} in every batch: this stream's partitions, then
     * {@code other}'s. Both must have the same slide duration ({@link IllegalArgumentException} otherwise); if one of
     * them has no batch at a time the other has, that batch fails with {@link SluiceException}.
     */
    public DStream<T> union(final DStream<T> other)
    {
        Objects.requireNonNull(other, "other");
        return wrap(context, new UnionNode<>(List.of(node, other.node)));
    }

    /**
     * A batch computed by {@code f} from this stream's batch and time, as one partition. {@code f} runs once per
     * batch, on the job thread, when the batch is first needed; it must not return {@code null} (the batch fails with
     * {@link SluiceException}: return an empty collection instead). The {@link Batch} handed to {@code f} is valid only
     * during the call. If this stream produced no batch at a valid time, the batch fails with {@link SluiceException}.
     */
    public <R> DStream<R> transform(final BiFunction<Batch<T>, Time, ? extends Collection<R>> f)
    {
        Objects.requireNonNull(f, "f");
        return wrap(context, new TransformNode<R>(List.of(node), (batches, time) ->
        {
            @SuppressWarnings("unchecked")
            final Batch<T> batch = (Batch<T>)batches.get(0);
            return f.apply(batch, time);
        }));
    }

    /** As {@link #transform(BiFunction)}, producing a pair stream (Spark's {@code transformToPair}). */
    public <K, V> PairDStream<K, V> transformToPair(
        final BiFunction<Batch<T>, Time, ? extends Collection<Pair<K, V>>> f)
    {
        Objects.requireNonNull(f, "f");
        return PairDStream.wrapPairs(context, new TransformNode<Pair<K, V>>(List.of(node), (batches, time) ->
        {
            @SuppressWarnings("unchecked")
            final Batch<T> batch = (Batch<T>)batches.get(0);
            return f.apply(batch, time);
        }));
    }

    /**
     * As {@link #transform(BiFunction)} over this stream's and {@code other}'s batches of the same time. Both must have
     * the same slide duration ({@link IllegalArgumentException}); both must have a batch at every valid time
     * ({@link SluiceException} otherwise).
     */
    public <U, R> DStream<R> transformWith(final DStream<U> other,
        final TriFunction<Batch<T>, Batch<U>, Time, ? extends Collection<R>> f)
    {
        Objects.requireNonNull(other, "other");
        Objects.requireNonNull(f, "f");
        return wrap(context, new TransformNode<R>(List.of(node, other.node), (batches, time) ->
        {
            @SuppressWarnings("unchecked")
            final Batch<T> first = (Batch<T>)batches.get(0);
            @SuppressWarnings("unchecked")
            final Batch<U> second = (Batch<U>)batches.get(1);
            return f.apply(first, second, time);
        }));
    }

    // ---- windowed and stateful operators (issue 3b: windows, slice, updateStateByKey, mapWithState, checkpoint) ----

    /** {@link #window(Duration, Duration)} sliding with this stream's slide. */
    public DStream<T> window(final Duration window)
    {
        return window(window, slideDuration());
    }

    /**
     * Every {@code slide}, all elements of this stream's batches in the last {@code window} (times in
     * {@code (t - window, t]}); partial windows at the start; with {@code slide > window} elements between windows are
     * never emitted. Persists this stream.
     *
     * @throws IllegalArgumentException now (not at start) when {@code window} or {@code slide} is not a multiple of
     *                                  this stream's slide
     */
    public DStream<T> window(final Duration window, final Duration slide)
    {
        return new WindowedDStream<>(context, new WindowNode<>(node, millis(window, "window"), millis(slide, "slide")));
    }

    /**
     * The number of elements in each window. Uses an inverse reduce, so it needs a checkpoint directory; emits
     * nothing until the first element arrives, and 0 once every element has left the window.
     */
    public DStream<Long> countByWindow(final Duration window, final Duration slide)
    {
        return wrap(context, new MapNode<T, Long>(node, element -> 1L)).reduceByWindow(Long::sum, (a, b) -> a - b,
            window, slide);
    }

    /** {@code reduce(f).window(window, slide).reduce(f)}: one element per window, none for an empty window. */
    public DStream<T> reduceByWindow(final BinaryOperator<T> f, final Duration window, final Duration slide)
    {
        Objects.requireNonNull(f, "f");
        final Node<T> reduced = new WholeBatchNode<>(node, WholeBatchNode.reduceAll(f));
        final WindowNode<T> windowed = new WindowNode<>(reduced, millis(window, "window"), millis(slide, "slide"));
        return wrap(context, new WholeBatchNode<>(windowed, WholeBatchNode.reduceAll(f)));
    }

    /**
     * As {@link #reduceByWindow(BinaryOperator, Duration, Duration)}, computed incrementally: {@code inverse} removes
     * the batches leaving the window ({@code inverse(f(a, b), b) == a}). Needs a checkpoint directory; emits nothing
     * until the first element arrives, then the inverse's zero once every element has left.
     */
    public DStream<T> reduceByWindow(final BinaryOperator<T> f, final BinaryOperator<T> inverse, final Duration window,
        final Duration slide)
    {
        final PairDStream<Integer, T> keyed = PairDStream.wrapPairs(context,
            new MapNode<T, Pair<Integer, T>>(node, element -> Pair.of(1, element)));
        return keyed.reduceByKeyAndWindow(f, inverse, window, slide).map(Pair::value);
    }

    /**
     * The count of each distinct element in each window, incrementally (elements whose count drops to 0 are
     * dropped). Needs a checkpoint directory.
     */
    public PairDStream<T, Long> countByValueAndWindow(final Duration window, final Duration slide)
    {
        final PairDStream<T, Long> ones = PairDStream.wrapPairs(context,
            new MapNode<T, Pair<T, Long>>(node, element -> Pair.of(element, 1L)));
        return ones.reduceByKeyAndWindow(Long::sum, (a, b) -> a - b, window, slide, (k, v) -> v != 0L);
    }

    /**
     * The batches this stream produced at its times in {@code [from, to]} (both inclusive, aligned down onto its slide
     * grid, times at or before zero time skipped), computing those not generated yet. Thread-safe after start.
     *
     * @throws SluiceException before the context has started ("... has not been initialized")
     */
    public List<Batch<T>> slice(final Time from, final Time to)
    {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!node.graph().isStarted())
        {
            throw new SluiceException(node.name() + " has not been initialized: slice(from, to) needs a started "
                + "StreamingContext");
        }
        return node.graph().locked(() -> new ArrayList<>(WindowNode.slice(node, from.milliseconds(),
            to.milliseconds())));
    }

    /**
     * Marks this stream's batches to be checkpointed every {@code interval} (and persists it). Checked at start: the
     * interval must be a multiple of the slide and at least the slide, and a checkpoint directory must be set.
     *
     * @throws UnsupportedOperationException after start
     */
    public DStream<T> checkpoint(final Duration interval)
    {
        setCheckpointInterval(node, interval);
        return this;
    }

    /**
     * Names the state of this stateful stream (updateStateByKey, mapWithState, a window with an inverse; or the
     * nearest such operator upstream) for state snapshots: a stable id that survives code changes. Without one the
     * id is derived from the operator's kind and position ({@code updateStateByKey#0}), which changes when a stateful
     * operator of the same kind is added before it (recovery logs a warning). Before start; ids are unique.
     *
     * @throws IllegalArgumentException if no stateful operator is upstream, or the id is taken.
     */
    public DStream<T> stateId(final String id)
    {
        nameState(context, node, id);
        return this;
    }

    static void nameState(final StreamingContext context, final Node<?> from, final String id)
    {
        if (context.state() != StreamingContextState.INITIALIZED)
        {
            throw new IllegalStateException("stateId(...) must be called before start()");
        }
        Node<?> node = from;
        while (!(node instanceof io.sluice.internal.checkpoint.StatefulNode))
        {
            if (node.parents().size() != 1)
            {
                throw new IllegalArgumentException("stateId(\"" + id + "\") names the state of a stateful operator "
                    + "(updateStateByKey, mapWithState, reduceByKeyAndWindow with an inverse); there is none upstream "
                    + "of " + from.name());
            }
            node = node.parents().get(0);
        }
        node.stateId(id);
    }

    void setCheckpointInterval(final Node<?> target, final Duration interval)
    {
        if (context.state() != StreamingContextState.INITIALIZED)
        {
            throw new UnsupportedOperationException("Cannot change checkpoint interval of a DStream after streaming "
                + "context has started; call checkpoint(interval) before start()");
        }
        target.checkpointInterval(millis(interval, "checkpoint interval"));
    }

    static long millis(final Duration duration, final String what)
    {
        Objects.requireNonNull(duration, what);
        final long ms = duration.toMillis();
        if (ms <= 0)
        {
            throw new IllegalArgumentException(what + " must be at least 1 ms, was " + duration);
        }
        return ms;
    }

    private void output(final String operation, final BiConsumer<BatchData<T>, Long> action)
    {
        new OutputNode<>(node, operation, action);
    }
}

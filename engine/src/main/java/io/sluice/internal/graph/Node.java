package io.sluice.internal.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One vertex of the DStream graph on the generic path (Spark's {@code DStream} internals): it knows its
 * parents and slide, computes its batch for a valid time from its parents' batches, memoizes what it
 * produced, and forgets batches older than its remember duration.
 *
 * <p>Thread contract: built on the user's thread before start; afterwards {@link #getOrCompute(long)} is
 * called under the graph's lock (generator thread, {@code slice}).
 */
public abstract class Node<T>
{
    protected final Graph graph;
    private final List<Node<?>> parents;
    private final TreeMap<Long, BatchData<T>> generated = new TreeMap<>();
    private boolean isPersisted;
    private long rememberMs;
    private long checkpointIntervalMs;
    private final int id;
    private String stateId;
    private String derivedStateId;

    protected Node(final Graph graph, final List<Node<?>> parents)
    {
        this.graph = graph;
        this.parents = List.copyOf(parents);
        for (final Node<?> parent : parents)
        {
            if (parent.graph != graph)
            {
                throw new IllegalArgumentException("Some of the DStreams belong to another StreamingContext; "
                    + "combine only DStreams of the same context");
            }
        }
        graph.validateAtInit();
        this.id = graph.register(this);
    }

    public final Graph graph()
    {
        return graph;
    }

    public final int id()
    {
        return id;
    }

    public final List<Node<?>> parents()
    {
        return parents;
    }

    /** How often this node produces a batch, in ms. Default: its first parent's slide. */
    public long slideMs()
    {
        return parents.get(0).slideMs();
    }

    /** Whether this node needs a checkpoint directory to run (stateful and inverse-window nodes). */
    public boolean mustCheckpoint()
    {
        return false;
    }

    /** Names this node's state for snapshots (a stable id that survives code changes). Before start. */
    public final void stateId(final String id)
    {
        graph.validateAtInit();
        if (id == null || id.isBlank())
        {
            throw new IllegalArgumentException("a state id must not be blank");
        }
        for (final Node<?> node : graph.nodes())
        {
            if (node != this && id.equals(node.stateId))
            {
                throw new IllegalArgumentException("state id '" + id + "' is already used by " + node.name()
                    + ": give every stateful operator its own");
            }
        }
        this.stateId = id;
    }

    /** The user's state id, or the derived one ({@code kind#n}); see {@link io.sluice.internal.checkpoint.StatefulNode}. */
    public final String stateId()
    {
        return stateId != null ? stateId : derivedStateId;
    }

    /** Whether the user named the state id. */
    public final boolean isStateIdNamed()
    {
        return stateId != null;
    }

    final void derivedStateId(final String id)
    {
        this.derivedStateId = id;
    }

    /**
     * Recovery: makes {@code batch} this node's batch at {@code time}, as if it had been computed (a restored
     * snapshot's state), so the next batch builds on it.
     */
    protected final void restoreBatch(final long time, final BatchData<T> batch)
    {
        synchronized (graph)
        {
            final BatchData<T> old = generated.put(time, batch);
            if (old != null && old != batch)
            {
                old.release();
            }
        }
    }

    /**
     * Recovery, for a node whose state lives in its operator (the fast path): marks its batch at {@code time} as
     * computed, so the next batch builds on the restored operator rather than recomputing {@code time}; reading that
     * batch's columns fails (only later batches exist after a restore).
     */
    protected final void restorePlaceholder(final long time, final io.sluice.internal.column.ColumnLayout<T> layout)
    {
        restoreBatch(time, BatchData.columnar(time, layout, () ->
        {
            throw new IllegalStateException(name() + "'s batch at " + time + " ms was restored from a state snapshot; "
                + "only later batches can be read");
        }));
    }

    /**
     * Whether this node's batch at {@code t} depends on batches before {@code t} that its parents no longer produce
     * on demand (state, pane windows): recovery then replays the log's batches through it to rebuild that history.
     * Default: {@link #mustCheckpoint()}.
     */
    public boolean isHistoryDependent()
    {
        return mustCheckpoint();
    }

    /** Whether this node or any node upstream of it {@link #isHistoryDependent() depends on history}. */
    public final boolean dependsOnHistory()
    {
        if (isHistoryDependent())
        {
            return true;
        }
        for (final Node<?> parent : parents)
        {
            if (parent.dependsOnHistory())
            {
                return true;
            }
        }
        return false;
    }

    /** A short name for errors and the UI, e.g. {@code "MappedDStream"}. */
    public String name()
    {
        return getClass().getSimpleName().replace("Node", "DStream");
    }

    /** Computes this node's batch at a valid time from its parents; {@code null} when it produces none. */
    protected abstract BatchData<T> compute(long time);

    /** Spark's {@code isTimeValid}: after zero time and on this node's slide grid. */
    public final boolean isTimeValid(final long time)
    {
        final long zero = graph.zeroTime();
        return time > zero && (time - zero) % slideMs() == 0;
    }

    /**
     * The memoized batch at {@code time}, computing it if this is a valid time not seen yet; {@code null} when
     * the node produces no batch then.
     */
    public final BatchData<T> getOrCompute(final long time)
    {
        final BatchData<T> known = generated.get(time);
        if (known != null)
        {
            return known;
        }
        if (!isTimeValid(time))
        {
            return null;
        }
        final BatchData<T> batch = compute(time);
        if (batch != null)
        {
            generated.put(time, batch);
        }
        return batch;
    }

    /** Marks the node's batches to be kept once computed (Spark's persist/cache). */
    public final void persist()
    {
        isPersisted = true;
    }

    public final boolean isPersisted()
    {
        return isPersisted;
    }

    public final void checkpointInterval(final long intervalMs)
    {
        this.checkpointIntervalMs = intervalMs;
        persist();
    }

    public final long checkpointIntervalMs()
    {
        return checkpointIntervalMs;
    }

    /** How much more history this node needs its parents to keep than it keeps itself (windows add their length). */
    protected long parentRememberExtraMs()
    {
        return 0;
    }

    /** Called at start, outputs first: keeps at least {@code ms} of generated batches, and tells the parents. */
    final void remember(final long ms)
    {
        rememberMs = Math.max(rememberMs, Math.max(ms, slideMs()));
        if (checkpointIntervalMs > 0 && rememberMs <= checkpointIntervalMs)
        {
            rememberMs = 2 * checkpointIntervalMs;
        }
        for (final Node<?> parent : parents)
        {
            parent.remember(rememberMs + parentRememberExtraMs());
        }
    }

    public final long rememberMs()
    {
        return rememberMs;
    }

    /** Forgets batches at or before {@code time - rememberMs} (Spark's clearMetadata). */
    final void clearOlderThan(final long time)
    {
        final Map<Long, BatchData<T>> old = generated.headMap(time - rememberMs, true);
        for (final BatchData<T> batch : old.values())
        {
            batch.release();
        }
        old.clear();
    }

    /** Forgets every batch and frees their off-heap columns (the context stopped). */
    final void releaseAll()
    {
        for (final BatchData<T> batch : generated.values())
        {
            batch.release();
        }
        generated.clear();
        releaseResources();
    }

    /**
     * Frees what the node itself holds off-heap (a fast-path operator's state maps, window panes): called once when
     * the context stops, after its batches are released. Default: nothing.
     */
    protected void releaseResources()
    {
    }

    /** The times this node currently remembers, oldest first (for tests of remember durations). */
    public final List<Long> rememberedTimes()
    {
        synchronized (graph)
        {
            return new ArrayList<>(generated.keySet());
        }
    }

    /** The checkpoint interval a {@link #mustCheckpoint()} node gets when none was set: slide x ceil(10 s / slide). */
    protected long defaultCheckpointIntervalMs()
    {
        final long slide = slideMs();
        return slide * ((10_000 + slide - 1) / slide);
    }

    /**
     * Spark's checkpoint part of {@code DStream.initialize}/{@code validateAtStart}, called at start after zero time
     * is fixed and before remember durations are computed: gives a {@link #mustCheckpoint()} node its default
     * interval and checks the interval against the slide and the checkpoint directory.
     */
    final void initializeCheckpoint()
    {
        if (mustCheckpoint() && checkpointIntervalMs == 0)
        {
            checkpointInterval(defaultCheckpointIntervalMs());
        }
        if (checkpointIntervalMs == 0)
        {
            return;
        }
        final long slide = slideMs();
        if (!graph.hasCheckpointDir())
        {
            throw new IllegalArgumentException("requirement failed: The checkpoint directory has not been set. "
                + "Please set it by StreamingContext.checkpoint(). (" + name() + " has a checkpoint interval)");
        }
        if (checkpointIntervalMs < slide)
        {
            throw new IllegalArgumentException("requirement failed: The checkpoint interval for " + name()
                + " has been set to " + checkpointIntervalMs + " ms which is lower than its slide time (" + slide
                + " ms). Please set it to at least " + slide + " ms.");
        }
        if (checkpointIntervalMs % slide != 0)
        {
            throw new IllegalArgumentException("requirement failed: The checkpoint interval for " + name()
                + " has been set to " + checkpointIntervalMs + " ms which not a multiple of its slide time (" + slide
                + " ms). Please set it to a multiple of " + slide + " ms.");
        }
    }

    /** Whether the batch at {@code time} is a checkpoint batch: an interval is set and divides time - zeroTime. */
    public final boolean isCheckpointTime(final long time)
    {
        return checkpointIntervalMs > 0 && (time - graph.zeroTime()) % checkpointIntervalMs == 0;
    }

    /** Checks made when the context starts (slide multiples, checkpoint rules). */
    protected void validateAtStart()
    {
    }

    /** Reads a parent's batch for this node's compute, failing as Spark does when a multi-parent op lacks one. */
    protected static <P> BatchData<P> requireParentBatch(final Node<P> parent, final long time, final String what)
    {
        final BatchData<P> batch = parent.getOrCompute(time);
        if (batch == null)
        {
            throw new io.sluice.api.SluiceException(what + " at time " + time + " ms: parent " + parent.name()
                + " produced no batch then");
        }
        return batch;
    }
}

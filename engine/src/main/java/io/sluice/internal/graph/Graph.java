package io.sluice.internal.graph;

import io.sluice.api.StreamingContextState;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The DStream graph of one context (Spark's {@code DStreamGraph}): every node, the inputs, and the output
 * operations in registration order. Generates the jobs of a batch time and forgets old batches.
 *
 * <p>Thread contract: nodes are added on the user's thread before start; after start every method that
 * touches node state runs under this object's monitor.
 */
public final class Graph
{
    private final long batchMs;
    private final Supplier<StreamingContextState> state;
    private final List<Node<?>> nodes = new ArrayList<>();
    private final List<InputNode<?>> inputs = new ArrayList<>();
    private final List<OutputNode<?>> outputs = new ArrayList<>();
    private volatile long zeroTime = Long.MIN_VALUE;
    private long userRememberMs;
    private boolean hasCheckpointDir;

    public Graph(final long batchMs, final Supplier<StreamingContextState> state)
    {
        this.batchMs = batchMs;
        this.state = state;
    }

    public long batchMs()
    {
        return batchMs;
    }

    /** Zero time: one batch interval before the first batch time; {@link Long#MIN_VALUE} before start. */
    public long zeroTime()
    {
        return zeroTime;
    }

    public boolean isStarted()
    {
        return zeroTime != Long.MIN_VALUE;
    }

    public void hasCheckpointDir(final boolean hasCheckpointDir)
    {
        this.hasCheckpointDir = hasCheckpointDir;
    }

    public boolean hasCheckpointDir()
    {
        return hasCheckpointDir;
    }

    /** Spark's {@code validateAtInit}: the graph only grows while the context is INITIALIZED. */
    public void validateAtInit()
    {
        switch (state.get())
        {
            case ACTIVE -> throw new IllegalStateException(
                "Adding new inputs, transformations, and output operations after starting a context is not supported");
            case STOPPED -> throw new IllegalStateException(
                "Adding new inputs, transformations, and output operations after stopping a context is not supported");
            default ->
            {
            }
        }
    }

    int register(final Node<?> node)
    {
        nodes.add(node);
        return nodes.size() - 1;
    }

    void registerInput(final InputNode<?> input)
    {
        inputs.add(input);
    }

    int registerOutput(final OutputNode<?> output)
    {
        outputs.add(output);
        return outputs.size() - 1;
    }

    public List<InputNode<?>> inputs()
    {
        return inputs;
    }

    public List<OutputNode<?>> outputs()
    {
        return outputs;
    }

    public List<Node<?>> nodes()
    {
        return nodes;
    }

    /** Spark's {@code ssc.remember}: every output keeps at least this much history. */
    public void remember(final long ms)
    {
        userRememberMs = ms;
    }

    /**
     * Validates the graph and fixes zero time. Throws {@link IllegalArgumentException} when there is nothing
     * to execute or a node needs a checkpoint directory that is not set.
     */
    public synchronized void start(final long zeroTime)
    {
        if (outputs.isEmpty())
        {
            throw new IllegalArgumentException("No output operations registered, so nothing to execute: "
                + "add one (print(), foreachBatch(...), saveAsTextFiles(...)) before start()");
        }
        for (final Node<?> node : nodes)
        {
            if (node.mustCheckpoint() && !hasCheckpointDir)
            {
                throw new IllegalArgumentException("requirement failed: The checkpoint directory has not been set. "
                    + "Please set it by StreamingContext.checkpoint(). (" + node.name() + " keeps state across batches)");
            }
        }
        this.zeroTime = zeroTime;
        final java.util.Map<String, Integer> perKind = new java.util.HashMap<>();
        for (final Node<?> node : nodes)
        {
            if (node instanceof io.sluice.internal.checkpoint.StatefulNode stateful)
            {
                final int n = perKind.merge(stateful.stateKind(), 1, Integer::sum) - 1;
                node.derivedStateId(stateful.stateKind() + "#" + n);
            }
        }
        for (final Node<?> node : nodes)
        {
            node.initializeCheckpoint();
        }
        for (final Node<?> node : nodes)
        {
            node.validateAtStart();
        }
        for (final OutputNode<?> output : outputs)
        {
            output.remember(userRememberMs);
        }
    }

    /** The jobs of batch {@code time}, in output registration order (outputs whose parent has no batch give none). */
    public synchronized List<Job> generateJobs(final long time)
    {
        final List<Job> jobs = new ArrayList<>(outputs.size());
        for (final OutputNode<?> output : outputs)
        {
            final Job job = output.generateJob(time);
            if (job != null)
            {
                jobs.add(job);
            }
        }
        return jobs;
    }

    /**
     * Recovery: the jobs of batch {@code time} when some outputs already ran for it before a crash
     * ({@code isDone}): those are replaced by {@link OutputNode#replayJob replay jobs} (or dropped when nothing
     * later depends on their batch); the others run as usual.
     */
    public synchronized List<Job> generateJobs(final long time, final java.util.function.IntPredicate isDone)
    {
        final List<Job> jobs = new ArrayList<>(outputs.size());
        for (final OutputNode<?> output : outputs)
        {
            final Job job = isDone.test(output.outputId()) ? output.replayJob(time) : output.generateJob(time);
            if (job != null)
            {
                jobs.add(job);
            }
        }
        return jobs;
    }

    /** The nodes whose state snapshots save, in graph order. */
    public List<io.sluice.internal.checkpoint.StatefulNode> statefulNodes()
    {
        final List<io.sluice.internal.checkpoint.StatefulNode> stateful = new ArrayList<>();
        for (final Node<?> node : nodes)
        {
            if (node instanceof io.sluice.internal.checkpoint.StatefulNode s)
            {
                stateful.add(s);
            }
        }
        return stateful;
    }

    /**
     * Whether every history-dependent node can be snapshot: then recovery restores the newest snapshot and replays
     * only the batches after it; otherwise it replays the log from its start.
     */
    public boolean isSnapshotComplete()
    {
        for (final Node<?> node : nodes)
        {
            if (node.isHistoryDependent() && !(node instanceof io.sluice.internal.checkpoint.StatefulNode s
                && s.canSnapshot()))
            {
                return false;
            }
        }
        return true;
    }

    /** Whether any node's batches depend on earlier batches (state, windows): recovery then replays from the start. */
    public boolean isHistoryDependent()
    {
        for (final Node<?> node : nodes)
        {
            if (node.isHistoryDependent())
            {
                return true;
            }
        }
        return false;
    }

    /** Forgets every node's batches that are older than its remember duration, after batch {@code time}. */
    public synchronized void clearMetadata(final long time)
    {
        for (final Node<?> node : nodes)
        {
            node.clearOlderThan(time);
        }
    }

    /**
     * Forgets every node's batches and frees their off-heap columns: called when the context stops, after the
     * last job has run.
     */
    public synchronized void releaseAll()
    {
        for (final Node<?> node : nodes)
        {
            node.releaseAll();
        }
    }

    /**
     * Runs every output operation's stop hook ({@link OutputNode#close()}), all of them even when one fails: called
     * once when the context stops.
     *
     * @return the first failure, with the others suppressed, or {@code null}.
     */
    public RuntimeException closeOutputs()
    {
        RuntimeException failure = null;
        for (final OutputNode<?> output : outputs())
        {
            try
            {
                output.close();
            }
            catch (final Exception ex)
            {
                if (failure == null)
                {
                    failure = new IllegalStateException("closing output operation " + output.operation() + " failed",
                        ex);
                }
                else
                {
                    failure.addSuppressed(ex);
                }
            }
        }
        return failure;
    }

    /** Runs {@code action} under the graph's lock (for slice and other reads of memoized batches). */
    public synchronized <R> R locked(final Supplier<R> action)
    {
        return action.get();
    }
}

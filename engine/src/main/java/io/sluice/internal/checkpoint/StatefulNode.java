package io.sluice.internal.checkpoint;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A graph node whose state a snapshot saves and recovery restores (updateStateByKey, mapWithState, windows with an
 * inverse; generic and fast path). Its section in a snapshot is found by its {@link #stateId() stable id}; the kind
 * and schema must match for a section to restore.
 *
 * <p>Threads: {@link #writeState} runs on the job executor thread after the snapshot's batch, under the graph's
 * lock; {@link #restoreState} on the starting thread, before the first batch.
 */
public interface StatefulNode
{
    /** The stable id: the user's ({@code stateId(...)}), else derived from the kind and the node's position. */
    String stateId();

    /** Whether this node's state can be written to a snapshot (otherwise its history is replayed from the log). */
    default boolean canSnapshot()
    {
        return true;
    }

    /**
     * Keys this operator holds after the last batch it applied, for the UI and metrics; -1 when it does not count
     * them (or has applied none). Read from other threads: a moment's value, never a lock.
     */
    default long stateSize()
    {
        return -1;
    }

    /** Whether the user named the id (a derived id changes when stateful operators are added before this one). */
    boolean isStateIdNamed();

    /** What the node is, e.g. {@code "updateStateByKey"}: a snapshot of another kind does not restore into it. */
    String stateKind();

    /** The key and state types, e.g. {@code "key=long;state=long"}: another schema does not restore. */
    String stateSchema();

    /** Writes the state after batch {@code time} (forcing that batch if no job computed it). */
    void writeState(long time, DataOutput out, StateCodecs codecs) throws IOException;

    /**
     * The snapshot of {@code time} holds nothing for this node (it is new, or its state was dropped): it starts with
     * empty state after {@code time}, not with history recomputed from earlier inputs.
     */
    void restoreEmpty(long time);

    /** Replaces the node's (empty) state with what {@link #writeState} wrote for {@code time}. */
    void restoreState(long time, DataInput in, StateCodecs codecs) throws IOException;
}

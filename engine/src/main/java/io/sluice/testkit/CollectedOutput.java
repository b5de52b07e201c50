package io.sluice.testkit;

import io.sluice.api.Time;

import java.util.List;

/**
 * What {@link StreamingTestDriver#collect} recorded: each batch the stream produced, in order; {@code times().get(i)}
 * is {@code batches().get(i)}'s time. Both lists are snapshots.
 */
public interface CollectedOutput<T>
{
    List<List<T>> batches();

    List<Time> times();
}

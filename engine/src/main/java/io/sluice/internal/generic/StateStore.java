package io.sluice.internal.generic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-key state of {@code mapWithState} after one batch (Spark's {@code StateMap}): key → (state, last update
 * time). A batch works on a {@link #copy()} of the previous batch's store, so earlier stores never change.
 * Iteration order is first-insertion order. Allocates one {@link Entry} per {@link #put}. Not thread-safe.
 */
public final class StateStore<K, S>
{
    private final LinkedHashMap<K, Entry<K, S>> entries;

    public StateStore()
    {
        this.entries = new LinkedHashMap<>();
    }

    private StateStore(final LinkedHashMap<K, Entry<K, S>> entries)
    {
        this.entries = entries;
    }

    /** One key's state and the batch time (ms) it was last stored at. */
    public record Entry<K, S>(K key, S state, long updateTimeMs)
    {
    }

    /** The key's entry, or {@code null}. */
    public Entry<K, S> get(final K key)
    {
        return entries.get(key);
    }

    public void put(final K key, final S state, final long updateTimeMs)
    {
        entries.put(key, new Entry<>(key, state, updateTimeMs));
    }

    public void remove(final K key)
    {
        entries.remove(key);
    }

    /** Entries last updated STRICTLY before {@code thresholdMs} (the idle keys of a timeout sweep). */
    public List<Entry<K, S>> getByTime(final long thresholdMs)
    {
        final List<Entry<K, S>> idle = new ArrayList<>();
        for (final Entry<K, S> entry : entries.values())
        {
            if (entry.updateTimeMs() < thresholdMs)
            {
                idle.add(entry);
            }
        }
        return idle;
    }

    /** Every entry, in insertion order (a new list). */
    public List<Entry<K, S>> getAll()
    {
        return new ArrayList<>(entries.values());
    }

    public int size()
    {
        return entries.size();
    }

    /** An independent store with the same entries (entries are immutable and shared). */
    public StateStore<K, S> copy()
    {
        return new StateStore<>(new LinkedHashMap<>(entries));
    }

    /** A store holding {@code initial}, every entry updated at {@code timeMs}. */
    public static <K, S> StateStore<K, S> of(final Map<K, S> initial, final long timeMs)
    {
        final StateStore<K, S> store = new StateStore<>();
        for (final Map.Entry<K, S> entry : initial.entrySet())
        {
            store.put(entry.getKey(), entry.getValue(), timeMs);
        }
        return store;
    }
}

package io.sluice.api;

import io.sluice.internal.generic.MappingFunction;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link PairDStream#mapWithState} does (Spark's {@code StateSpec}): the mapping function and, optionally, the
 * initial state, an idle timeout and a number of partitions. Build it with one of the {@code function} factories,
 * then chain the setters, each of which returns this spec. Not thread-safe; configure before building the stream.
 *
 * @param <K> key
 * @param <V> value
 * @param <S> state
 * @param <R> mapped record
 */
public final class StateSpec<K, V, S, R>
{
    private final MappingFunction<K, V, S, R> function;
    private Map<K, S> initialState = Map.of();
    private Duration timeout;
    private int numPartitions;

    private StateSpec(final MappingFunction<K, V, S, R> function)
    {
        this.function = function;
    }

    /**
     * A spec whose function maps every call (including timeout calls) to exactly one record, its return value.
     * The function gets the key, the value (empty on a timeout call) and the key's {@link State}.
     */
    public static <K, V, S, R> StateSpec<K, V, S, R> function(final TriFunction<K, Optional<V>, State<S>, R> f)
    {
        Objects.requireNonNull(f, "f");
        return new StateSpec<>((time, key, value, state, out) -> out.add(f.apply(key, value, state)));
    }

    /**
     * A spec whose function also gets the batch time and maps each call to zero or one record: an empty
     * {@code Optional} emits nothing.
     */
    public static <K, V, S, R> StateSpec<K, V, S, R> function(
        final QuadFunction<Time, K, Optional<V>, State<S>, Optional<R>> f)
    {
        Objects.requireNonNull(f, "f");
        return new StateSpec<>((time, key, value, state, out) ->
        {
            final Optional<R> mapped = f.apply(new Time(time), key, value, state);
            if (mapped != null && mapped.isPresent())
            {
                out.add(mapped.get());
            }
        });
    }

    /** The state keys start with: in the first snapshot, stored at the first batch's time; the function is not called. */
    public StateSpec<K, V, S, R> initialState(final Map<K, S> states)
    {
        this.initialState = new LinkedHashMap<>(Objects.requireNonNull(states, "states"));
        return this;
    }

    /**
     * Keys idle for longer than {@code idleDuration} (no record since) time out: on a checkpoint batch, the function
     * is called once with no value and {@link State#isTimingOut()} true, then the key is removed.
     */
    public StateSpec<K, V, S, R> timeout(final Duration idleDuration)
    {
        Objects.requireNonNull(idleDuration, "idleDuration");
        if (idleDuration.toMillis() <= 0)
        {
            throw new IllegalArgumentException("timeout must be at least 1 ms, was " + idleDuration);
        }
        this.timeout = idleDuration;
        return this;
    }

    /** Accepted for compatibility with Spark; the generic path keeps each state in one partition. */
    public StateSpec<K, V, S, R> numPartitions(final int partitions)
    {
        if (partitions < 1)
        {
            throw new IllegalArgumentException("numPartitions must be >= 1, was " + partitions);
        }
        this.numPartitions = partitions;
        return this;
    }

    MappingFunction<K, V, S, R> mappingFunction()
    {
        return function;
    }

    Map<K, S> initialStateMap()
    {
        return initialState;
    }

    long timeoutMs()
    {
        return timeout == null ? 0 : timeout.toMillis();
    }

    int partitions()
    {
        return numPartitions;
    }
}

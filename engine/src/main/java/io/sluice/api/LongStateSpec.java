package io.sluice.api;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fast twin of {@link StateSpec} for {@link LongLongPairDStream#mapWithState(LongStateSpec)}: the mapping
 * function, an optional idle timeout and optional initial states (stored at the first batch's time, the function not
 * called for them). Built on the user's thread before start; each method returns the spec.
 */
public final class LongStateSpec
{
    private final LongMappingFunction function;
    private Duration timeout;
    private final Map<Long, Long> initialState = new LinkedHashMap<>();

    private LongStateSpec(final LongMappingFunction function)
    {
        this.function = Objects.requireNonNull(function, "function");
    }

    /** Generic twin: {@code StateSpec.function(f)}. */
    public static LongStateSpec function(final LongMappingFunction function)
    {
        return new LongStateSpec(function);
    }

    /** Generic twin: {@code StateSpec.timeout(d)}: keys idle strictly longer time out on checkpoint batches. */
    public LongStateSpec timeout(final Duration idle)
    {
        DStream.millis(idle, "timeout");
        this.timeout = idle;
        return this;
    }

    /** Generic twin: {@code StateSpec.initialState(map)} (copied now). */
    public LongStateSpec initialState(final Map<Long, Long> states)
    {
        initialState.putAll(Objects.requireNonNull(states, "states"));
        return this;
    }

    LongMappingFunction function()
    {
        return function;
    }

    long timeoutMs()
    {
        return timeout == null ? 0 : timeout.toMillis();
    }

    /** The initial states as two arrays (index i is one entry), in the map's order. */
    long[][] initialEntries()
    {
        return entries(initialState);
    }

    /** {@code states} as two arrays, keys then states (index i is one entry), in the map's order. */
    static long[][] entries(final Map<Long, Long> states)
    {
        final long[] keys = new long[states.size()];
        final long[] values = new long[states.size()];
        int i = 0;
        for (final Map.Entry<Long, Long> entry : states.entrySet())
        {
            keys[i] = entry.getKey();
            values[i++] = entry.getValue();
        }
        return new long[][] {keys, values};
    }
}

package io.sluice.internal.ingest;

/**
 * What {@code store()} does when the ingest ring has no free slot (the log writer is behind).
 */
public enum RingFullPolicy
{
    /** Wait for a slot: spin briefly, then yield, then park with a growing (bounded) pause. Never grows the heap. */
    BLOCK,

    /** Throw {@link RingFullException} at once; the record is not accepted. */
    FAIL;

    /**
     * @return the policy named {@code name} ({@code block} or {@code fail}, any case).
     * @throws IllegalArgumentException naming the valid values otherwise.
     */
    public static RingFullPolicy parse(final String name)
    {
        for (final RingFullPolicy policy : values())
        {
            if (policy.name().equalsIgnoreCase(name.trim()))
            {
                return policy;
            }
        }
        throw new IllegalArgumentException(IngestConfig.RING_FULL_POLICY_PROP_NAME + " must be block or fail, was '" +
            name + "'");
    }
}

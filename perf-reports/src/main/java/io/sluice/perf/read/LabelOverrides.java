package io.sluice.perf.read;

import java.util.Objects;

/**
 * Label fields given on the command line; each non-empty one wins over what the file or its sidecar says.
 *
 * @param name    release or commit; empty to keep the file's
 * @param date    run date; empty to keep the file's
 * @param machine machine description; empty to keep the file's
 */
public record LabelOverrides(String name, String date, String machine)
{
    /** Overrides nothing. */
    public static final LabelOverrides NONE = new LabelOverrides("", "", "");

    /**
     * Validates.
     *
     * @throws NullPointerException if a component is null
     */
    public LabelOverrides
    {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(machine, "machine");
    }

    /**
     * Overrides only the name.
     *
     * @param name the run name
     * @return the overrides
     */
    public static LabelOverrides named(final String name)
    {
        return new LabelOverrides(name, "", "");
    }
}

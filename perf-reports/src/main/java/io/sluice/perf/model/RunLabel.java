package io.sluice.perf.model;

import java.util.Objects;

/**
 * Who and where a run was: shown on every report so numbers are never read without their context.
 *
 * @param name    release or commit, e.g. {@code 0.1.0}; never empty
 * @param date    when it ran, free text (ISO date recommended); empty when unknown
 * @param machine where it ran, free text; empty when unknown
 * @param source  the file it was read from
 */
public record RunLabel(String name, String date, String machine, String source)
{
    /**
     * Validates.
     *
     * @throws NullPointerException     if a component is null
     * @throws IllegalArgumentException if the name is empty
     */
    public RunLabel
    {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(source, "source");
        if (name.isEmpty())
        {
            throw new IllegalArgumentException("empty run name");
        }
    }
}

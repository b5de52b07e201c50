package io.sluice.recovery;

/**
 * How one life of the child should end: at an engine crash point ({@code -Dsluice.crash.point}, its
 * {@code crashAfter}-th hit), killed by the harness after its {@code killAfterBatches}-th {@code BATCH} line, or,
 * unarmed, by a graceful stop once the feed is drained.
 *
 * @param crashPoint       the armed point, or null.
 * @param crashAfter       which hit of the point crashes (1 = the first); ignored when unarmed.
 * @param killAfterBatches the harness's SIGKILL after this many {@code BATCH} lines; 0 for none.
 */
public record LifePlan(String crashPoint, int crashAfter, int killAfterBatches)
{
    /** Crash at the {@code after}-th hit of {@code point}. */
    public static LifePlan armed(final String point, final int after)
    {
        return new LifePlan(point, after, 0);
    }

    /** SIGKILL from the harness after the {@code batches}-th {@code BATCH} line of this life. */
    public static LifePlan killAfter(final int batches)
    {
        return new LifePlan(null, 0, batches);
    }

    /** Run until the feed is drained, then stop gracefully. */
    public static LifePlan unarmed()
    {
        return new LifePlan(null, 0, 0);
    }

    public boolean isArmed()
    {
        return crashPoint != null;
    }

    @Override
    public String toString()
    {
        if (isArmed())
        {
            return crashPoint + "#" + crashAfter;
        }
        return killAfterBatches > 0 ? "kill@" + killAfterBatches : "graceful";
    }
}

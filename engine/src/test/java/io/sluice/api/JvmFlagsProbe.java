package io.sluice.api;

import java.time.Duration;

/** Child-JVM main for {@code JvmFlagsTest}: builds a context; prints the refusal and exits 3, or exits 0. */
public final class JvmFlagsProbe
{
    private JvmFlagsProbe()
    {
    }

    public static void main(final String[] args)
    {
        try
        {
            StreamingContext.builder().batchInterval(Duration.ofSeconds(1)).build();
        }
        catch (final IllegalStateException e)
        {
            System.out.println(e.getMessage());
            System.exit(3);
        }
        System.exit(0);
    }
}

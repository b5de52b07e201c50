package io.sluice.internal.log;

import java.nio.file.Path;

/**
 * Another process for {@link DataDirLockTest}. Arguments: a mode and a data directory.
 *
 * <ul>
 *   <li>{@code hold}: acquires the lock, prints {@code LOCKED} and holds it until stdin ends (or the process is
 *   killed).</li>
 *   <li>{@code try}: tries to acquire the lock once and prints {@code ACQUIRED} or {@code REFUSED <message>}.</li>
 * </ul>
 */
public final class DataDirLockHolderMain
{
    /** The line {@code hold} prints once it holds the lock. */
    public static final String LOCKED = "LOCKED";

    /** The line {@code try} prints when it got the lock. */
    public static final String ACQUIRED = "ACQUIRED";

    /** The start of the line {@code try} prints when it was refused. */
    public static final String REFUSED = "REFUSED ";

    private DataDirLockHolderMain()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Path dir = Path.of(args[1]);
        if ("hold".equals(args[0]))
        {
            try (DataDirLock lock = DataDirLock.acquire(dir))
            {
                System.out.println(LOCKED);
                System.out.flush();
                while (System.in.read() >= 0)
                {
                    // the parent never writes; end of stdin means the parent is gone
                }
            }
        }
        else
        {
            try (DataDirLock lock = DataDirLock.acquire(dir))
            {
                System.out.println(ACQUIRED);
            }
            catch (final IllegalStateException ex)
            {
                System.out.println(REFUSED + ex.getMessage());
            }
        }
    }
}

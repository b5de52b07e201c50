package io.sluice.internal.window;

import io.sluice.internal.gen.LongLongStateMap;
import io.sluice.internal.gen.LongVector;

/** Writes a window map out as key and value columns, in the map's insertion order. */
final class WindowOutput
{
    private WindowOutput()
    {
    }

    static int append(final LongLongStateMap window, final LongVector outKeys, final LongVector outValues)
    {
        return window.appendEntriesTo(outKeys, outValues);
    }
}

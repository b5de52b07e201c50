package io.sluice.internal.window;

import io.sluice.internal.gen.LongLongStateMap;
import io.sluice.internal.gen.LongVector;

/** Writes a window map (one that keeps insertion order) out as key and value columns, in insertion order. */
final class WindowOutput
{
    private WindowOutput()
    {
    }

    static int append(final LongLongStateMap window, final LongVector outKeys, final LongVector outValues)
    {
        window.compactOrder();
        final int n = window.size();
        for (int i = 0; i < n; i++)
        {
            final int slot = window.slotInOrder(i);
            outKeys.add(window.keyAt(slot));
            outValues.add(window.valueAt(slot));
        }
        return n;
    }
}

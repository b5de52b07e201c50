package io.sluice.internal.window;

/**
 * Geometry of a window's pane ring ({@code io.sluice.internal.gen.<K><V>PaneRing}). Times are offsets from the
 * context's zero time. A pane is {@code gcd(window, slide)} long (a multiple of the parent's slide, since window
 * and slide are); pane {@code n} holds the parent batches in {@code (n*pane, (n+1)*pane]}. A window ending at
 * {@code t} (a multiple of the slide) covers the batches in {@code (t - window, t]}: with {@code e = t / pane},
 * {@code W = window / pane} and {@code S = slide / pane}, the panes {@code [e - W, e)}.
 *
 * <pre>
 *   panes:   ... | e-S-W | ... | e-W-1 | e-W | ... | e-S-1 | e-S | ... | e-1 |
 *                 \_____ leaving _____/                      \__ entering __/
 *                 \_____________ previous window ___________/
 *                                      \________________ window at t ________________/
 *
 *   ring (W + S slots, pane n in slot n mod (W + S)):
 *   +--------+--------+-----+--------+
 *   | pane n | n + 1  | ... | n+W+S-1|   a leaving pane is cleared in the slide that drops it, before
 *   +--------+--------+-----+--------+   pane n + W + S (its slot's next owner) receives a record
 * </pre>
 *
 * Leaving: {@code [e-S-W, min(e-S, e-W))}; entering: {@code [max(e-S, e-W), e)}; panes below 0 are empty (partial
 * windows at the start). With {@code slide > window} the panes between windows ({@code n mod S < S - W}) are never
 * aggregated. The first window ends at pane {@code S}.
 */
public final class PaneRingDescriptor
{
    private final long paneMs;
    private final long windowPanes;
    private final long slidePanes;

    /** @throws IllegalArgumentException unless window and slide are positive multiples of the parent's slide */
    public PaneRingDescriptor(final long windowMs, final long slideMs, final long parentSlideMs)
    {
        if (windowMs <= 0 || slideMs <= 0 || parentSlideMs <= 0 || windowMs % parentSlideMs != 0
            || slideMs % parentSlideMs != 0)
        {
            throw new IllegalArgumentException("window (" + windowMs + " ms) and slide (" + slideMs
                + " ms) must be positive multiples of the parent's slide (" + parentSlideMs + " ms)");
        }
        this.paneMs = gcd(windowMs, slideMs);
        this.windowPanes = windowMs / paneMs;
        this.slidePanes = slideMs / paneMs;
    }

    static long gcd(final long a, final long b)
    {
        return b == 0 ? a : gcd(b, a % b);
    }

    public long paneMs()
    {
        return paneMs;
    }

    /** W: panes in a window. */
    public long windowPanes()
    {
        return windowPanes;
    }

    /** S: panes a slide moves. */
    public long slidePanes()
    {
        return slidePanes;
    }

    /** Ring slots: W + S. */
    public int slotCount()
    {
        final long slots = windowPanes + slidePanes;
        if (slots > 1 << 20)
        {
            throw new IllegalArgumentException("window / gcd(window, slide) + slide / gcd(window, slide) = " + slots
                + " panes; choose a window and slide with a larger common divisor");
        }
        return (int)slots;
    }

    /** The pane of the parent batch at offset {@code batchOffsetMs > 0}. */
    public long paneOf(final long batchOffsetMs)
    {
        return (batchOffsetMs - 1) / paneMs;
    }

    /** Whether pane {@code pane} is in some window (false only in the gaps of {@code slide > window}). */
    public boolean isInSomeWindow(final long pane)
    {
        return slidePanes <= windowPanes || pane % slidePanes >= slidePanes - windowPanes;
    }

    /** e: the exclusive end pane of the window ending at offset {@code windowEndMs}. */
    public long endPane(final long windowEndMs)
    {
        return windowEndMs / paneMs;
    }

    /**
     * The end pane of the slide to {@code windowEndMs}, which must be {@code expectedEndPane} (slides come in time
     * order, one per slide time).
     */
    public long requireSlideEnd(final long windowEndMs, final long expectedEndPane)
    {
        if (windowEndMs % paneMs != 0 || windowEndMs / paneMs != expectedEndPane)
        {
            throw new IllegalStateException("window slides must come in time order, one per slide: expected the "
                + "window ending at " + expectedEndPane * paneMs + " ms after zero, got " + windowEndMs);
        }
        return expectedEndPane;
    }

    public long leavingFrom(final long endPane)
    {
        return endPane - slidePanes - windowPanes;
    }

    public long leavingTo(final long endPane)
    {
        return Math.min(endPane - slidePanes, endPane - windowPanes);
    }

    public long enteringFrom(final long endPane)
    {
        return Math.max(endPane - slidePanes, endPane - windowPanes);
    }

    public long windowFrom(final long endPane)
    {
        return endPane - windowPanes;
    }
}

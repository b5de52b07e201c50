package io.sluice.perf.render;

import java.util.ArrayList;
import java.util.List;

/**
 * A linear value axis from zero to a "nice" maximum (1, 2 or 5 times a power of ten per tick), mapped onto a
 * pixel range. Zero-based on purpose: bar lengths and line heights then compare honestly. Immutable.
 */
public final class ChartScale
{
    private static final int TARGET_TICKS = 5;

    private final double max;
    private final double step;
    private final double pixelBottom;
    private final double pixelTop;

    /**
     * Creates a scale covering {@code [0, dataMax]}.
     *
     * @param dataMax     the largest value to show (score plus error); non-positive or NaN gives a unit axis
     * @param pixelBottom the y pixel of zero
     * @param pixelTop    the y pixel of the maximum (smaller than pixelBottom: SVG y grows downwards)
     */
    public ChartScale(final double dataMax, final double pixelBottom, final double pixelTop)
    {
        final double wanted = dataMax > 0 && Double.isFinite(dataMax) ? dataMax : 1.0;
        final double rough = wanted / TARGET_TICKS;
        final double power = Math.pow(10, Math.floor(Math.log10(rough)));
        final double fraction = rough / power;
        final double nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
        this.step = nice * power;
        this.max = Math.ceil(wanted / step) * step;
        this.pixelBottom = pixelBottom;
        this.pixelTop = pixelTop;
    }

    /**
     * The y pixel of a value, clamped to the axis.
     *
     * @param value the value
     * @return the pixel
     */
    public double y(final double value)
    {
        final double clamped = Math.max(0, Math.min(max, value));
        return pixelBottom - (pixelBottom - pixelTop) * clamped / max;
    }

    /**
     * The tick values from 0 to the maximum.
     *
     * @return ascending ticks
     */
    public List<Double> ticks()
    {
        final List<Double> ticks = new ArrayList<>();
        for (int i = 0; i * step <= max * (1 + 1e-9); i++)
        {
            ticks.add(i * step);
        }
        return ticks;
    }

    /**
     * The axis maximum.
     *
     * @return the nice maximum, at least the data maximum
     */
    public double max()
    {
        return max;
    }
}

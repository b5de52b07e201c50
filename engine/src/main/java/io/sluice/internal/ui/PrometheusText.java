package io.sluice.internal.ui;

import java.math.BigDecimal;
import java.util.function.Consumer;

/**
 * Writes metrics in the Prometheus text exposition format 0.0.4 ({@code # HELP}, {@code # TYPE}, then samples), every
 * sample labelled with the application's name. One writer per scrape.
 */
final class PrometheusText
{
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final StringBuilder out = new StringBuilder(4096);
    private final String labels;

    PrometheusText(final String appName)
    {
        this.labels = "app=\"" + escapeLabel(appName) + "\"";
    }

    PrometheusText counter(final String name, final String help, final double value)
    {
        return single(name, help, "counter", value);
    }

    PrometheusText gauge(final String name, final String help, final double value)
    {
        return single(name, help, "gauge", value);
    }

    private PrometheusText single(final String name, final String help, final String type, final double value)
    {
        header(name, help, type);
        out.append(name).append('{').append(labels).append("} ").append(number(value)).append('\n');
        return this;
    }

    PrometheusText histogram(final String name, final String help, final LatencyHistogram histogram)
    {
        final LatencyHistogram.Snapshot snapshot = histogram.snapshot();
        header(name, help, "histogram");
        final long[] cumulative = snapshot.cumulative();
        for (int i = 0; i < cumulative.length; i++)
        {
            final String le = i < LatencyHistogram.BOUNDS_SECONDS.length
                ? BigDecimal.valueOf(LatencyHistogram.BOUNDS_SECONDS[i]).stripTrailingZeros().toPlainString() : "+Inf";
            out.append(name).append("_bucket{").append(labels).append(",le=\"").append(le).append("\"} ")
                .append(cumulative[i]).append('\n');
        }
        out.append(name).append("_sum{").append(labels).append("} ").append(number(snapshot.sumSeconds()))
            .append('\n');
        out.append(name).append("_count{").append(labels).append("} ").append(snapshot.count()).append('\n');
        return this;
    }

    /** Several samples of one metric, told apart by one more label. */
    PrometheusText labelled(final String name, final String help, final String type, final String label,
        final Consumer<java.util.function.BiConsumer<String, Double>> samples)
    {
        header(name, help, type);
        samples.accept((value, sample) -> out.append(name).append('{').append(labels).append(',').append(label)
            .append("=\"").append(escapeLabel(value)).append("\"} ").append(number(sample)).append('\n'));
        return this;
    }

    private void header(final String name, final String help, final String type)
    {
        out.append("# HELP ").append(name).append(' ').append(help.replace("\\", "\\\\").replace("\n", "\\n"))
            .append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static String number(final double value)
    {
        if (Double.isNaN(value))
        {
            return "NaN";
        }
        if (value == (long)value && Math.abs(value) < 1e15)
        {
            return Long.toString((long)value);
        }
        return Double.toString(value);
    }

    static String escapeLabel(final String value)
    {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    @Override
    public String toString()
    {
        return out.toString();
    }
}

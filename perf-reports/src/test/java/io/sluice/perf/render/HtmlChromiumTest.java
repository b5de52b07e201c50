package io.sluice.perf.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.perf.compare.Comparison;
import io.sluice.perf.compare.ComparisonReport;
import io.sluice.perf.history.HistoryReport;
import io.sluice.perf.history.HistorySeries;
import io.sluice.perf.testdata.Reports;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the generated reports in real headless Chromium and checks the charts rendered: every expected series is in
 * the rendered DOM with non-empty bars, lines and points, and the screenshot is not blank and shows the regression
 * colour. Skipped, with a message, only where {@code /usr/bin/chromium} is not installed; CI installs it with
 * {@code perf-reports/scripts/ensure-chromium.sh} and checks this test ran.
 */
class HtmlChromiumTest
{
    private static final Pattern BAR = Pattern.compile(
        "<rect class=\"bar\" data-series=\"([^\"]*)\" data-run=\"(baseline|candidate)\" data-value=\"[^\"]*\""
            + " x=\"[0-9.]+\" y=\"[0-9.]+\" width=\"([0-9.]+)\" height=\"([0-9.]+)\"");
    private static final Pattern POLYLINE = Pattern.compile(
        "<polyline class=\"line\" data-series=\"([^\"]*)\" points=\"([^\"]*)\"");

    @TempDir
    Path dir;

    @BeforeEach
    void requireChromium()
    {
        Assumptions.assumeTrue(HeadlessChromium.isInstalled(),
            "/usr/bin/chromium is missing: install the Debian package 'chromium'"
                + " (perf-reports/scripts/ensure-chromium.sh or apt-get install -y chromium) to run this test");
    }

    @Test
    void comparisonChartsRender() throws Exception
    {
        final ComparisonReport report = Reports.comparison(dir);
        final Path html = Files.writeString(dir.resolve("compare.html"), HtmlRenderer.comparison(report),
            StandardCharsets.UTF_8);
        final HeadlessChromium chromium = new HeadlessChromium(dir);

        final String dom = chromium.dumpDom(html);
        assertEquals(4, count(dom, "<svg "), "2 benchmarks x (primary + allocation) charts");
        for (final Comparison comparison : report.primary())
        {
            assertBarsDrawn(dom, comparison.key().seriesId());
        }
        assertTrue(dom.contains("data-series=\"" + Reports.REGRESSED_SERIES + "\" data-verdict=\"regressed\""));

        final BufferedImage image = ImageIO.read(chromium.screenshot(html, dir.resolve("compare.png")).toFile());
        assertEquals(1280, image.getWidth());
        assertTrue(distinctColours(image) > 50, "screenshot is not uniform");
        assertTrue(pixelsNear(image, 0xc92a2a) > 500, "the regressed candidate bar is painted in the regression colour");
        assertTrue(pixelsNear(image, 0x8d99a6) > 2000, "baseline bars are painted");
    }

    @Test
    void historyChartsRender() throws Exception
    {
        final HistoryReport report = Reports.history(dir);
        final Path html = Files.writeString(dir.resolve("history.html"), HtmlRenderer.history(report),
            StandardCharsets.UTF_8);
        final HeadlessChromium chromium = new HeadlessChromium(dir);

        final String dom = chromium.dumpDom(html);
        assertEquals(3, count(dom, "<svg "), "boxedHashMap, boxedHashMapRenamed, fastutilAddTo");
        for (final HistorySeries series : report.series())
        {
            final String id = series.key().seriesId();
            assertTrue(dom.contains("<g class=\"series\" data-series=\"" + id + "\">"), "series group " + id);
            assertEquals(series.points().size(), count(dom, "<circle class=\"point\" data-series=\"" + id + "\""),
                "one point per run for " + id);
        }
        final Matcher line = POLYLINE.matcher(dom);
        int lines = 0;
        while (line.find())
        {
            lines++;
            assertTrue(!line.group(2).isBlank(), "line " + line.group(1) + " has points");
        }
        assertEquals(report.series().size(), lines);

        final BufferedImage image = ImageIO.read(chromium.screenshot(html, dir.resolve("history.png")).toFile());
        assertTrue(distinctColours(image) > 50, "screenshot is not uniform");
        assertTrue(pixelsNear(image, 0x1f77b4) > 100, "the first series' line is painted");
    }

    private static void assertBarsDrawn(final String dom, final String seriesId)
    {
        final Matcher bar = BAR.matcher(dom);
        int bars = 0;
        while (bar.find())
        {
            if (bar.group(1).equals(seriesId))
            {
                bars++;
                assertTrue(Double.parseDouble(bar.group(3)) > 0, seriesId + " bar has width");
                assertTrue(Double.parseDouble(bar.group(4)) > 0, seriesId + " bar has height");
            }
        }
        // One baseline and one candidate bar for the primary metric and the same for allocation.
        assertEquals(4, bars, "bars of " + seriesId);
    }

    private static int count(final String text, final String needle)
    {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1))
        {
            count++;
        }
        return count;
    }

    private static int distinctColours(final BufferedImage image)
    {
        final Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 2)
        {
            for (int x = 0; x < image.getWidth(); x += 2)
            {
                colours.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        return colours.size();
    }

    private static int pixelsNear(final BufferedImage image, final int rgb)
    {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++)
        {
            for (int x = 0; x < image.getWidth(); x++)
            {
                final int pixel = image.getRGB(x, y);
                if (Math.abs(((pixel >> 16) & 0xff) - ((rgb >> 16) & 0xff)) <= 6
                    && Math.abs(((pixel >> 8) & 0xff) - ((rgb >> 8) & 0xff)) <= 6
                    && Math.abs((pixel & 0xff) - (rgb & 0xff)) <= 6)
                {
                    count++;
                }
            }
        }
        return count;
    }
}

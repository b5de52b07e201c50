package io.sluice.perf.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.sluice.perf.testdata.Reports;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Static checks of the HTML (the rendered check is {@link HtmlChromiumTest}).
 */
class HtmlRendererTest
{
    @TempDir
    Path dir;

    @Test
    void comparisonIsSelfContainedWithTaggedSeries() throws Exception
    {
        final String html = HtmlRenderer.comparison(Reports.comparison(dir));
        assertSelfContained(html);
        assertTrue(html.contains("<rect class=\"bar\" data-series=\"" + Reports.REGRESSED_SERIES + "\" data-run=\"candidate\""),
            "candidate bar of the regressed series");
        assertTrue(html.contains("data-series=\"" + Reports.REGRESSED_SERIES + "\" data-verdict=\"regressed\""));
        // 3 matched primary series + 3 allocation series, each with a baseline and a candidate bar.
        assertEquals(12, count(html, "<rect class=\"bar\""));
        assertTrue(html.contains("class=\"warning\""));
    }

    @Test
    void historyHasALinePerSeriesWithErrorBars() throws Exception
    {
        final String html = HtmlRenderer.history(Reports.history(dir));
        assertSelfContained(html);
        assertEquals(5, count(html, "<polyline class=\"line\""));
        // 3 series in all 3 runs, boxedHashMap distinctKeys=10000 in 2 (renamed in the middle one), the renamed one in 1.
        assertEquals(12, count(html, "<circle class=\"point\""));
        assertEquals(12, count(html, "<path class=\"error-bar\""));
    }

    private static void assertSelfContained(final String html)
    {
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("<link"), "no external stylesheets");
        assertFalse(html.contains("src="), "no external resources");
        assertFalse(html.replace("http://www.w3.org/2000/svg", "").contains("http"), "no URLs except the SVG namespace");
    }

    private static int count(final String text, final String needle)
    {
        final Matcher matcher = Pattern.compile(Pattern.quote(needle)).matcher(text);
        int count = 0;
        while (matcher.find())
        {
            count++;
        }
        return count;
    }
}

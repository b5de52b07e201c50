package io.sluice.ui;

import io.sluice.api.BatchInfo;
import io.sluice.api.OutputOperationInfo;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming UI in real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}, driven by
 * Selenium; no driver download): Spark's UISeleniumSuite checks and more. The pipeline runs on a ManualClock; the
 * page's numbers and tables are compared with the listener's {@link BatchInfo} values; the page refreshes itself
 * (a batch run while it is open appears without a reload); every batch has a batch page with its output operations;
 * after stop the UI is gone. Waits are the page's own render callbacks ({@code window.sluiceUi}), never sleeps. Fails,
 * never skips, when Chromium or its driver is missing: {@code .ci/run} installs them.
 */
class StreamingUiBrowserTest
{
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path profile;

    private ChromeDriver browser;

    @BeforeEach
    void openBrowser()
    {
        assertTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER), "this test needs Debian's chromium "
            + "and chromium-driver (/usr/bin/chromium, /usr/bin/chromedriver): apt-get install -y chromium "
            + "chromium-driver (perf-reports/scripts/ensure-chromium.sh does it)");
        final ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-quic", "--window-size=1280,1400", "--user-data-dir=" + profile.resolve("profile"));
        final ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
            .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser()
    {
        if (browser != null)
        {
            browser.quit();
        }
    }

    /** Waits (event-driven, in the page) until the page has rendered once. */
    private void rendered()
    {
        ((JavascriptExecutor)browser).executeAsyncScript(
            "var done = arguments[arguments.length - 1]; window.sluiceUi.afterRender(done);");
    }

    /** Waits until a render that starts after this call has finished. */
    private void nextRender()
    {
        ((JavascriptExecutor)browser).executeAsyncScript(
            "var done = arguments[arguments.length - 1]; window.sluiceUi.nextRender(done);");
    }

    private List<WebElement> rows(final String table)
    {
        return browser.findElements(By.cssSelector("#" + table + " tbody tr"));
    }

    private static String ms(final long v)
    {
        return v < 1000 ? v + " ms" : String.format("%.3f s", v / 1000.0);
    }

    @Test
    void thePageShowsTheListenersNumbersRefreshesItselfAndHasAPagePerBatch() throws Exception
    {
        try (StreamingUiHttpTest.Run run = new StreamingUiHttpTest.Run(Map.of()))
        {
            browser.get(run.base + "/streaming/");
            rendered();
            assertTrue(browser.getTitle().startsWith("Streaming"), browser.getTitle());
            final WebElement tab = browser.findElement(By.cssSelector("nav a.tab.active"));
            assertEquals("Streaming", tab.getText());

            final List<BatchInfo> batches = List.copyOf(run.completed);
            final WebElement stats = browser.findElement(By.id("stat-table"));
            final List<String> headers = stats.findElements(By.tagName("th")).stream().map(WebElement::getText)
                .toList();
            assertTrue(headers.get(1).startsWith("Timelines") && headers.get(2).equals("Histograms"), headers.toString());
            final List<WebElement> statRows = rows("stat-table");
            assertEquals(List.of("Input Rate", "Scheduling Delay", "Processing Time", "Total Delay"),
                statRows.stream().map(r -> r.getAttribute("data-stat")).toList());
            final double avgProcessing = batches.stream().mapToLong(b -> b.processingDelay().orElseThrow().toMillis())
                .average().orElseThrow();
            assertEquals("avg: " + String.format("%.2f", 17 / 3.0) + " records/sec",
                statRows.get(0).findElement(By.className("avg-text")).getText());
            assertEquals("avg: " + (avgProcessing == Math.rint(avgProcessing) ? (long)avgProcessing + " ms"
                    : String.format("%.2f ms", avgProcessing)),
                statRows.get(2).findElement(By.className("avg-text")).getText());
            for (final WebElement row : statRows)
            {
                assertEquals("3", row.findElement(By.cssSelector("svg.timeline polyline")).getAttribute("data-points"),
                    row.getAttribute("data-stat") + " timeline has a point per retained batch");
                final int bars = row.findElements(By.cssSelector("svg.histogram rect.bar")).stream()
                    .mapToInt(b -> Integer.parseInt(b.getAttribute("data-count"))).sum();
                assertEquals(3, bars, row.getAttribute("data-stat") + " histogram counts every batch");
            }

            assertEquals(1, rows("receivers-table").size());
            assertTrue(rows("receivers-table").get(0).getText().contains("ACTIVE"));
            assertEquals(0, rows("active-batches-table").size());
            assertEquals("3", browser.findElement(By.id("completed-count")).getText());
            final List<WebElement> completed = rows("completed-batches-table");
            assertEquals(3, completed.size());
            for (int i = 0; i < 3; i++)
            {
                final BatchInfo expected = batches.get(2 - i);
                final List<WebElement> cells = completed.get(i).findElements(By.tagName("td"));
                assertEquals(Long.toString(expected.batchTime().milliseconds()),
                    completed.get(i).getAttribute("data-batch-id"));
                assertEquals(Long.toString(expected.numRecords()), cells.get(1).getText());
                assertEquals(ms(expected.schedulingDelay().orElseThrow().toMillis()), cells.get(2).getText());
                assertEquals(ms(expected.processingDelay().orElseThrow().toMillis()), cells.get(3).getText());
                assertEquals(ms(expected.totalDelay().orElseThrow().toMillis()), cells.get(4).getText());
                assertEquals("2/2", cells.get(5).getText());
            }
            final Path shot = ((TakesScreenshot)browser).getScreenshotAs(OutputType.FILE).toPath();
            final Path target = Path.of("target", "ui-screenshots");
            Files.createDirectories(target);
            Files.copy(shot, target.resolve("streaming.png"), StandardCopyOption.REPLACE_EXISTING);
            assertTrue(Files.size(target.resolve("streaming.png")) > 10_000, "a real screenshot");

            // The page refreshes itself: a batch run while it is open shows up without a reload.
            run.batch(4);
            nextRender();
            assertEquals(4, rows("completed-batches-table").size(), "the new batch appeared");
            assertEquals("4", rows("completed-batches-table").get(0).findElements(By.tagName("td")).get(1).getText());

            // A batch page per batch, with its output operations.
            for (final BatchInfo batch : List.copyOf(run.completed))
            {
                browser.get(run.base + "/streaming/batch/?id=" + batch.batchTime().milliseconds());
                rendered();
                assertEquals(Long.toString(batch.batchTime().milliseconds()),
                    browser.findElement(By.tagName("body")).getAttribute("data-rendered"));
                assertTrue(browser.findElement(By.id("batch-summary")).getText()
                    .contains(batch.numRecords() + " records"));
                final List<WebElement> segments = rows("segments-table");
                if (batch.numRecords() > 0)
                {
                    assertEquals(1, segments.size(), "one input stream's log range");
                    assertEquals(Long.toString(batch.numRecords()),
                        segments.get(0).findElements(By.tagName("td")).get(3).getText());
                }
                assertTrue(browser.findElement(By.id("log-dump")).getText().contains(" log dump "));
                final List<WebElement> ops = rows("output-ops-table");
                assertEquals(batch.outputOperationInfos().size(), ops.size());
                for (int i = 0; i < ops.size(); i++)
                {
                    final OutputOperationInfo op = batch.outputOperationInfos().get(i);
                    final List<WebElement> cells = ops.get(i).findElements(By.tagName("td"));
                    assertEquals(Integer.toString(op.id()), cells.get(0).getText());
                    assertEquals(op.name(), cells.get(1).getText());
                    assertEquals(ms(op.durationMs().orElseThrow()), cells.get(3).getText());
                    assertEquals("Succeeded", cells.get(4).getText());
                }
            }
            browser.get(run.base + "/streaming/batch/?id=42");
            rendered();
            assertEquals("missing", browser.findElement(By.tagName("body")).getAttribute("data-rendered"));

            // After stop the UI is gone.
            run.driver.context().stop();
            final org.openqa.selenium.WebDriverException gone = org.junit.jupiter.api.Assertions.assertThrows(
                org.openqa.selenium.WebDriverException.class, () -> browser.get(run.base + "/streaming/"));
            assertTrue(gone.getMessage().contains("ERR_CONNECTION_REFUSED"), gone.getMessage());
            final Path docs = Path.of(System.getProperty("sluice.ui.screenshot.copyTo", ""));
            if (!docs.toString().isEmpty())
            {
                Files.copy(target.resolve("streaming.png"), docs, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}

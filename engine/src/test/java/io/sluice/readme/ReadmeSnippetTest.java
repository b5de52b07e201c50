package io.sluice.readme;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's complete testkit example is {@link WordCountTest}, verbatim: it compiles, runs and passes here. */
class ReadmeSnippetTest
{
    @Test
    void theReadmesTestkitExampleIsThisModulesWordCountTest() throws IOException
    {
        final String source = Files.readString(Path.of("src/test/java/io/sluice/readme/WordCountTest.java"));
        final String body = source.substring(source.indexOf("import io.sluice.api.*;"));
        final String readme = Files.readString(Path.of("").toAbsolutePath().resolveSibling("README.md"));
        assertTrue(readme.contains("```java\n" + body + "```"),
            "README.md's testkit example differs from engine/src/test/java/io/sluice/readme/WordCountTest.java");
        final String consumer = Files.readString(Path.of("").toAbsolutePath().resolveSibling("bom")
            .resolve("src/it/consumer/src/test/java/com/example/WordCountTest.java"));
        assertTrue(consumer.endsWith(body), "the consumer project's test (bom/src/it/consumer) is the README's too");
    }
}

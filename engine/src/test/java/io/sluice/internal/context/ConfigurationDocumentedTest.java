package io.sluice.internal.context;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every key StreamingContext.Builder.set accepts is in the README's configuration table. */
class ConfigurationDocumentedTest
{
    @Test
    void everyKeyIsInTheReadme() throws Exception
    {
        final Path readme = Path.of("..", "README.md");
        assertTrue(Files.exists(readme), "run from the engine module: " + readme.toAbsolutePath());
        final String text = Files.readString(readme);
        for (final ConfigKey key : ContextConfig.keys())
        {
            assertTrue(text.contains("| `" + key.name() + "` |"), key.name() + " is not documented in README.md");
        }
    }
}

package io.sluice.recovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one batch file of {@code <key> <long>} lines into a key-to-value map for the keyed checkers, reporting
 * unparseable lines and keys given twice as violations.
 *
 * <p>Stateless; thread-safe; allocates the map.
 */
final class OutputLines
{
    private OutputLines()
    {
    }

    /** The file's keys and values, in file order; a bad line or a repeated key is a violation in {@code tally}. */
    static Map<String, Long> keyValues(final long batchTime, final List<String> lines, final CheckResult.Tally tally)
    {
        final Map<String, Long> values = new LinkedHashMap<>();
        for (final String line : lines)
        {
            final long value;
            try
            {
                value = RecordFormat.value(line);
            }
            catch (final NumberFormatException ex)
            {
                tally.violation("batch " + batchTime + ": unparseable line \"" + line + "\"");
                continue;
            }
            if (values.put(RecordFormat.key(line), value) != null)
            {
                tally.violation("batch " + batchTime + ": key " + RecordFormat.key(line) + " given twice");
            }
        }
        return values;
    }
}

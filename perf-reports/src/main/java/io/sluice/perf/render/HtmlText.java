package io.sluice.perf.render;

/**
 * Escaping for text placed in HTML/SVG content and attribute values. Stateless and thread-safe.
 */
public final class HtmlText
{
    private HtmlText()
    {
    }

    /**
     * Escapes {@code & < > " '}.
     *
     * @param text any text
     * @return text safe inside elements and quoted attributes
     */
    public static String escape(final String text)
    {
        final StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            switch (c)
            {
                case '&':
                    escaped.append("&amp;");
                    break;
                case '<':
                    escaped.append("&lt;");
                    break;
                case '>':
                    escaped.append("&gt;");
                    break;
                case '"':
                    escaped.append("&quot;");
                    break;
                case '\'':
                    escaped.append("&#39;");
                    break;
                default:
                    escaped.append(c);
            }
        }
        return escaped.toString();
    }
}

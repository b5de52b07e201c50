package io.sluice.internal.ui;

/**
 * A small JSON writer for the UI's API (the engine takes no JSON library): objects and arrays written in order, commas
 * placed for the caller, strings escaped (RFC 8259). Numbers are written as given; NaN and infinities as null.
 */
final class Json
{
    private final StringBuilder out = new StringBuilder(256);
    private boolean needsComma;

    Json beginObject()
    {
        comma();
        out.append('{');
        needsComma = false;
        return this;
    }

    Json endObject()
    {
        out.append('}');
        needsComma = true;
        return this;
    }

    Json beginArray()
    {
        comma();
        out.append('[');
        needsComma = false;
        return this;
    }

    Json endArray()
    {
        out.append(']');
        needsComma = true;
        return this;
    }

    /** A member name; the value follows. */
    Json name(final String name)
    {
        comma();
        string(name);
        out.append(':');
        needsComma = false;
        return this;
    }

    Json value(final String value)
    {
        comma();
        if (value == null)
        {
            out.append("null");
        }
        else
        {
            string(value);
        }
        needsComma = true;
        return this;
    }

    Json value(final long value)
    {
        comma();
        out.append(value);
        needsComma = true;
        return this;
    }

    Json value(final double value)
    {
        comma();
        if (Double.isNaN(value) || Double.isInfinite(value))
        {
            out.append("null");
        }
        else
        {
            out.append(value);
        }
        needsComma = true;
        return this;
    }

    Json value(final boolean value)
    {
        comma();
        out.append(value);
        needsComma = true;
        return this;
    }

    Json nullValue()
    {
        comma();
        out.append("null");
        needsComma = true;
        return this;
    }

    Json field(final String name, final String value)
    {
        return name(name).value(value);
    }

    Json field(final String name, final long value)
    {
        return name(name).value(value);
    }

    /** A number, or {@code null} when absent. */
    Json field(final String name, final Long value)
    {
        return value == null ? name(name).nullValue() : name(name).value(value.longValue());
    }

    Json field(final String name, final double value)
    {
        return name(name).value(value);
    }

    Json field(final String name, final boolean value)
    {
        return name(name).value(value);
    }

    private void comma()
    {
        if (needsComma)
        {
            out.append(',');
        }
    }

    private void string(final String s)
    {
        out.append('"');
        for (int i = 0; i < s.length(); i++)
        {
            final char c = s.charAt(i);
            switch (c)
            {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default ->
                {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == 0x2028 || c == 0x2029)
                    {
                        out.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    @Override
    public String toString()
    {
        return out.toString();
    }
}

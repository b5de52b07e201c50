package io.sluice.examples.iot;

import io.sluice.api.Codec;
import org.agrona.DirectBuffer;
import org.agrona.MutableDirectBuffer;

/**
 * A {@link SensorReading} in 24 bytes: device id (long), tick (long), value (double), native byte order.
 * Stateless; {@code encode} allocates nothing.
 */
public final class SensorReadingCodec implements Codec<SensorReading>
{
    public static final SensorReadingCodec INSTANCE = new SensorReadingCodec();

    static final int DEVICE_OFFSET = 0;
    static final int TICK_OFFSET = 8;
    static final int VALUE_OFFSET = 16;
    static final int LENGTH = 24;

    @Override
    public int encode(final SensorReading value, final MutableDirectBuffer buffer, final int offset,
        final int maxLength)
    {
        if (maxLength < LENGTH)
        {
            return -1;
        }
        buffer.putLong(offset + DEVICE_OFFSET, value.deviceId());
        buffer.putLong(offset + TICK_OFFSET, value.tick());
        buffer.putDouble(offset + VALUE_OFFSET, value.value());
        return LENGTH;
    }

    @Override
    public SensorReading decode(final DirectBuffer buffer, final int offset, final int length)
    {
        return new SensorReading(buffer.getLong(offset + DEVICE_OFFSET), buffer.getLong(offset + TICK_OFFSET),
            buffer.getDouble(offset + VALUE_OFFSET));
    }

    @Override
    public String name()
    {
        return "sensor-reading";
    }
}

package io.sluice.internal.log;

/**
 * Layout of one block: the body of one Chronicle document in a stream's queue, holding many records.
 * All fields are in native byte order (little-endian on every platform Sluice supports).
 *
 * <pre>
 *   0                   1                   2                   3
 *   0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                        Record Count                           |  RECORD_COUNT_OFFSET
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                     Record 0 Length (L0)                      |  HEADER_LENGTH
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                  Record 0 Bytes (L0 bytes)                   ...
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                     Record 1 Length (L1)                      |
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  |                  Record 1 Bytes (L1 bytes)                   ...
 *  +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 *  ...                                                             |
 * </pre>
 *
 * Records are not aligned: a record's length field follows the previous record's last byte.
 */
public final class BlockDescriptor
{
    public static final int RECORD_COUNT_OFFSET = 0;
    public static final int HEADER_LENGTH = 4;
    public static final int RECORD_LENGTH_FIELD_LENGTH = 4;

    private BlockDescriptor()
    {
    }

    /**
     * @return the bytes a record of {@code recordLength} takes in a block, its length field included.
     */
    public static int framedLength(final int recordLength)
    {
        return RECORD_LENGTH_FIELD_LENGTH + recordLength;
    }
}

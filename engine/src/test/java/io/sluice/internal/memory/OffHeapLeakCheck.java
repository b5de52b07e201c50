package io.sluice.internal.memory;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * JUnit extension ({@code @ExtendWith(OffHeapLeakCheck.class)}): after each test, the off-heap bytes the counting
 * {@link OffHeapAllocator} holds are back to where the test started.
 */
public final class OffHeapLeakCheck implements BeforeEachCallback, AfterEachCallback
{
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OffHeapLeakCheck.class);

    @Override
    public void beforeEach(final ExtensionContext context)
    {
        context.getStore(NAMESPACE).put("liveBytes", OffHeapAllocator.liveBytes());
    }

    @Override
    public void afterEach(final ExtensionContext context)
    {
        assertEquals(context.getStore(NAMESPACE).get("liveBytes", Long.class), OffHeapAllocator.liveBytes(),
            "off-heap bytes back to where the test started");
    }
}

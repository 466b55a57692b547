package de.kontor.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/**
 * How window tests wait: on a condition, never a fixed sleep. The timeout only bounds a hang; it
 * is long enough that a busy build machine (2 cores shared by several builds) never reaches it
 * while the window is merely slow. A passing test returns as soon as the condition holds.
 */
public final class FxWait {
    /** Seconds before a wait counts as a hang. */
    public static final long HANG_SECONDS = 90;

    private FxWait() {}

    /** Waits until {@code condition} holds, then until the FX thread has handled pending events. */
    public static void until(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(HANG_SECONDS, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }
}

package de.kontor.store;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The file passwords of the open encrypted databases, by handle, counted per user.
 *
 * <p>The one piece of static mutable state in Kontor, and why: H2 finds file systems in a
 * JVM-wide registry ({@code FilePath.register}, itself a static map) and creates their path
 * objects by reflection through a no-argument constructor ({@code FilePathWrapper.create}),
 * so {@link XtsFileSystem} cannot be handed the passwords by constructor. Everything else is
 * wired in the composition root; {@code ArchitectureTest.noMutableStatics} names this field as
 * its only exception, so a second one fails the build. Passwords are cleared when the last
 * user of a handle releases it.
 */
final class XtsKeys {
    private static final Map<String, Entry> KEYS = new ConcurrentHashMap<>();

    private XtsKeys() {
    }

    /** One more user of {@code handle}; the first one brings the password (taken over, not copied). */
    static void retain(String handle, byte[] password) {
        KEYS.compute(handle, (h, e) -> {
            if (e == null) {
                return new Entry(password, 1);
            }
            Arrays.fill(password, (byte) 0);
            return new Entry(e.password, e.users + 1);
        });
    }

    /** One user fewer; the last one clears the password. */
    static void release(String handle) {
        KEYS.computeIfPresent(handle, (h, e) -> {
            if (e.users > 1) {
                return new Entry(e.password, e.users - 1);
            }
            Arrays.fill(e.password, (byte) 0);
            return null;
        });
    }

    /** The password bytes for {@code handle}, or null when no database uses it (channels copy them). */
    static byte[] password(String handle) {
        Entry e = KEYS.get(handle);
        return e == null ? null : e.password;
    }

    private record Entry(byte[] password, int users) {}
}

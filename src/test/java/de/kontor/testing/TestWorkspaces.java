package de.kontor.testing;

import de.kontor.app.Workspace;
import de.kontor.security.KdfParams;
import de.kontor.store.DataFolder;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;

/** Real encrypted databases in temp folders, with a cheap Argon2 cost so tests stay fast. */
public final class TestWorkspaces {
    public static final String OWNER = "Anna Schmidt";
    public static final String PASSWORD = "Korrekt-Pferd-Batterie-9";
    public static final KdfParams CHEAP = new KdfParams(1024, 1, 1);

    private TestWorkspaces() {}

    public static Workspace.Options options() {
        return options(Clock.systemDefaultZone());
    }

    /** With a fixed or {@link MutableClock}: for tests whose expectations depend on today's date. */
    public static Workspace.Options options(Clock clock) {
        return new Workspace.Options(clock, new SecureRandom(), CHEAP);
    }

    /** A fixed clock at 10:00 in Berlin on {@code day}. */
    public static Clock fixedAt(java.time.LocalDate day) {
        java.time.ZoneId berlin = java.time.ZoneId.of("Europe/Berlin");
        return Clock.fixed(day.atTime(10, 0).atZone(berlin).toInstant(), berlin);
    }

    public static Workspace create(Path dir) {
        return Workspace.create(new DataFolder(dir), OWNER, PASSWORD.toCharArray(), options());
    }

    /** A new workspace whose services (and the view models given {@code w.clock()}) use {@code clock}. */
    public static Workspace create(Path dir, Clock clock) {
        return Workspace.create(new DataFolder(dir), OWNER, PASSWORD.toCharArray(), options(clock));
    }

    public static Workspace open(Path dir) {
        return Workspace.open(new DataFolder(dir), null, PASSWORD.toCharArray(), options());
    }
}

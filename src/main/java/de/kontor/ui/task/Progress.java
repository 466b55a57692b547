package de.kontor.ui.task;

/** What long work sees of its task: where to report progress, and whether to stop. */
public interface Progress {
    /** Reports {@code done} of {@code total} steps (may be called from the worker thread, often). */
    void update(long done, long total);

    /** Reports a fraction between 0 and 1. */
    void fraction(double done);

    /** True once the user cancelled: stop at the next convenient point (the result is dropped). */
    boolean cancelled();
}

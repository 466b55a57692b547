package de.kontor.ui.task;

/** Long work that reports its progress and can be cancelled. */
@FunctionalInterface
public interface LongWork<T> {
    T call(Progress progress) throws Exception;
}

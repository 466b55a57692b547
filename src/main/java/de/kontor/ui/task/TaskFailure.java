package de.kontor.ui.task;

import java.time.Instant;

/**
 * A background task's failure that no screen handled itself: shown in the window's status line.
 *
 * @param what the bundle key naming the task ("ui.task.autoBackup")
 * @param error what went wrong
 * @param at when
 */
public record TaskFailure(String what, Throwable error, Instant at) {}

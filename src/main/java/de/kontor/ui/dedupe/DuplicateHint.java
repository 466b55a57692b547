package de.kontor.ui.dedupe;

import de.kontor.dedupe.Match;

/** One possible duplicate of the person being typed, ready to show: id, score, name, reasons. */
public record DuplicateHint(long personId, double score, Match.Level level, String name, String reasons) {}

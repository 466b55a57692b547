package de.kontor.service;

import java.util.Set;

/** Tells the contact services which people are restricted (Art. 18); see the privacy package. */
public interface RestrictionGuard {
    boolean isRestricted(long personId);

    Set<Long> restrictedIds();

    /** Forgets cached state after changes made elsewhere (another process, a restore). */
    void reload();

    /** Throws a refusal naming the restriction when the person is restricted. */
    void requireWritable(long personId);
}

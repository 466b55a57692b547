package de.kontor.service;

import de.kontor.domain.PersonData;
import java.util.List;

/**
 * Refuses people who asked to be erased or objected (Art. 17, 21) from being entered again.
 * The implementation keeps keyed hashes only; see the privacy package.
 */
public interface ReEntryGuard {
    /**
     * Throws a {@link de.kontor.domain.KontorException} naming the first blocked person
     * (position in the list) and which identifier matched.
     */
    void check(List<PersonData> people);

    /** Positions (from 0) of every blocked person in the list, with the matching identifier kind. */
    java.util.Map<Integer, String> blocked(List<PersonData> people);
}

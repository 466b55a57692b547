package de.kontor.privacy;

import de.kontor.domain.PersonSummary;
import de.kontor.domain.privacy.Exclusion;
import de.kontor.domain.privacy.Purpose;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The people who may be processed for a purpose on a day, and how many were left out why. */
public record ContactList(Purpose purpose, LocalDate day, List<PersonSummary> people, Map<Exclusion, Integer> excluded) {
    public int excludedTotal() {
        return excluded.values().stream().mapToInt(Integer::intValue).sum();
    }
}

package de.kontor.domain.privacy;

import static de.kontor.domain.privacy.ConsentStatus.EXPIRED;
import static de.kontor.domain.privacy.ConsentStatus.GIVEN;
import static de.kontor.domain.privacy.ConsentStatus.PENDING_DOUBLE_OPT_IN;
import static de.kontor.domain.privacy.ConsentStatus.REQUESTED;
import static de.kontor.domain.privacy.ConsentStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConsentStatusTest {
    private static final Set<String> ALLOWED = Set.of(
            "REQUESTED>PENDING_DOUBLE_OPT_IN", "REQUESTED>GIVEN", "REQUESTED>EXPIRED",
            "PENDING_DOUBLE_OPT_IN>GIVEN", "PENDING_DOUBLE_OPT_IN>EXPIRED",
            "GIVEN>WITHDRAWN", "GIVEN>EXPIRED");

    @Test
    void everyTransitionIsAllowedOrRefusedAsSpecified() {
        int checked = 0;
        for (ConsentStatus from : ConsentStatus.values()) {
            for (ConsentStatus to : ConsentStatus.values()) {
                assertThat(from.canMoveTo(to)).as(from + " > " + to).isEqualTo(ALLOWED.contains(from + ">" + to));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(25);
    }

    @Test
    void startsFinalAndOpenStates() {
        assertThat(ConsentStatus.initial()).containsExactlyInAnyOrder(REQUESTED, PENDING_DOUBLE_OPT_IN, GIVEN);
        assertThat(EnumSet.allOf(ConsentStatus.class)).filteredOn(ConsentStatus::isFinal)
                .containsExactlyInAnyOrder(WITHDRAWN, EXPIRED);
        assertThat(EnumSet.allOf(ConsentStatus.class)).filteredOn(ConsentStatus::isOpen)
                .containsExactlyInAnyOrder(REQUESTED, PENDING_DOUBLE_OPT_IN);
        assertThat(Keyed.fromKey(ConsentStatus.class, "pending-double-opt-in")).contains(PENDING_DOUBLE_OPT_IN);
        assertThat(Keyed.fromKey(LawfulBasis.class, "LEGITIMATE_INTEREST")).contains(LawfulBasis.LEGITIMATE_INTEREST);
        assertThat(GIVEN.isFinal()).isFalse();
    }
}

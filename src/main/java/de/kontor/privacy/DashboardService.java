package de.kontor.privacy;

import de.kontor.domain.PersonSummary;
import de.kontor.domain.Principal;
import de.kontor.domain.privacy.BasisRecord;
import de.kontor.domain.privacy.Consent;
import de.kontor.domain.privacy.ConsentStatus;
import de.kontor.domain.privacy.ProcessingRules;
import de.kontor.domain.privacy.Purpose;
import de.kontor.domain.time.LegalPeriod;
import de.kontor.service.ContactService;
import de.kontor.store.ConsentStore;
import de.kontor.store.Database;
import de.kontor.store.PurposeStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The start page's figures: what is ending, pending or due, and consent status per purpose. */
public final class DashboardService {
    public static final int HORIZON_DAYS = 30;

    private final Database db;
    private final PurposeStore purposes;
    private final ConsentStore consents;
    private final ContactService contacts;
    private final ConsentService consentService;
    private final ProcessingRules rules;
    private final Clock clock;

    public DashboardService(Database db, PurposeStore purposes, ConsentStore consents, ContactService contacts,
            ConsentService consentService, ProcessingRules rules, Clock clock) {
        this.db = db;
        this.purposes = purposes;
        this.consents = consents;
        this.contacts = contacts;
        this.consentService = consentService;
        this.rules = rules;
        this.clock = clock;
    }

    public Dashboard load(Principal by) {
        LocalDate today = LocalDate.now(clock);
        LocalDate horizon = today.plusDays(HORIZON_DAYS);
        Instant now = clock.instant();
        int staleDays = consentService.staleDays();
        Map<Long, String> names = contacts.search(by, null, Integer.MAX_VALUE).rows().stream()
                .collect(Collectors.toMap(PersonSummary::id, PersonSummary::sortName, (a, b) -> a));
        Function<Long, String> name = id -> names.getOrDefault(id, "#" + id);
        record Rows(List<Purpose> purposes, List<Consent> consents, List<BasisRecord> bases,
                List<ConsentStore.Uninformed> uninformed) {}
        Rows rows = db.read(tx -> new Rows(purposes.all(tx), consents.consents(tx, null), consents.bases(tx, null),
                consents.uninformed(tx, ConsentService.THIRD_PARTY)));

        List<Dashboard.ConsentEnding> consentsEnding = rows.consents().stream()
                .filter(c -> c.status() == ConsentStatus.GIVEN && c.expiresOn() != null
                        && !c.expiresOn().isBefore(today) && !c.expiresOn().isAfter(horizon))
                .sorted(Comparator.comparing(Consent::expiresOn))
                .map(c -> new Dashboard.ConsentEnding(c.personId(), name.apply(c.personId()), c.purposeKey(),
                        c.expiresOn()))
                .toList();

        // Only the basis in force today matters: an ended old record is history, not a warning.
        Map<String, List<BasisRecord>> byPersonPurpose = rows.bases().stream()
                .collect(Collectors.groupingBy(b -> b.personId() + "/" + b.purposeKey()));
        List<Dashboard.BasisEnding> basesEnding = new ArrayList<>();
        for (List<BasisRecord> history : byPersonPurpose.values()) {
            rules.currentBasis(history, today).filter(b -> b.validUntil() != null && !b.validUntil().isAfter(horizon))
                    .ifPresent(b -> basesEnding.add(new Dashboard.BasisEnding(b.personId(), name.apply(b.personId()),
                            b.purposeKey(), b.basis(), b.validUntil())));
        }
        basesEnding.sort(Comparator.comparing(Dashboard.BasisEnding::validUntil)
                .thenComparing(Dashboard.BasisEnding::personName));

        List<Dashboard.PendingOptIn> pending = rows.consents().stream()
                .filter(c -> c.status() == ConsentStatus.PENDING_DOUBLE_OPT_IN && c.requestedAt() != null)
                .sorted(Comparator.comparing(Consent::requestedAt))
                .map(c -> new Dashboard.PendingOptIn(c.personId(), name.apply(c.personId()), c.purposeKey(),
                        c.requestedAt(), Duration.between(c.requestedAt(), now).toDays(),
                        c.requestedAt().plus(Duration.ofDays(staleDays)).isBefore(now)))
                .toList();

        List<Dashboard.InformationDue> due = rows.uninformed().stream()
                .map(u -> new Dashboard.InformationDue(u.personId(), name.apply(u.personId()), u.source(),
                        u.capturedAt(), LegalPeriod.months(LocalDate.ofInstant(u.capturedAt(), clock.getZone()), 1)))
                .toList();

        Map<String, Map<ConsentStatus, Integer>> status = new LinkedHashMap<>();
        for (Purpose p : rows.purposes()) {
            if (!p.retired()) {
                status.put(p.key(), new EnumMap<>(ConsentStatus.class));
            }
        }
        rows.consents().stream()
                .collect(Collectors.toMap(c -> c.personId() + "/" + c.purposeKey(), c -> c,
                        (a, b) -> a.id() > b.id() ? a : b))
                .values().forEach(c -> {
                    Map<ConsentStatus, Integer> m = status.get(c.purposeKey());
                    if (m != null) {
                        m.merge(c.status(), 1, Integer::sum);
                    }
                });
        return new Dashboard(today, consentsEnding, List.copyOf(basesEnding), pending, due, status);
    }
}

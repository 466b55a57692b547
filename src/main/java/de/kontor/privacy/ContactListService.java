package de.kontor.privacy;

import de.kontor.domain.KontorException;
import de.kontor.domain.PersonSummary;
import de.kontor.domain.Principal;
import de.kontor.domain.audit.AuditAction;
import de.kontor.domain.audit.AuditChange;
import de.kontor.domain.privacy.BasisRecord;
import de.kontor.domain.privacy.Consent;
import de.kontor.domain.privacy.Exclusion;
import de.kontor.domain.privacy.Objection;
import de.kontor.domain.privacy.ProcessingDecision;
import de.kontor.domain.privacy.ProcessingRules;
import de.kontor.domain.privacy.Purpose;
import de.kontor.service.ContactService;
import de.kontor.store.AuditStore;
import de.kontor.store.ConsentStore;
import de.kontor.store.Database;
import de.kontor.store.PurposeStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * "Who may be contacted": for a purpose, only the people with a valid basis today, consent
 * where the basis is consent, no objection to marketing and no restriction (Art. 6, 7, 18, 21,
 * UWG §7). Exporting such a list is recorded in the audit trail.
 */
public final class ContactListService {
    private final Database db;
    private final PurposeStore purposes;
    private final ConsentStore consents;
    private final AuditStore audit;
    private final ContactService contacts;
    private final ProcessingRules rules;
    private final Predicate<Long> restricted;
    private final Clock clock;

    /** {@code restricted} tells whether processing of a person is restricted (Art. 18). */
    public ContactListService(Database db, PurposeStore purposes, ConsentStore consents, AuditStore audit,
            ContactService contacts, ProcessingRules rules, Predicate<Long> restricted, Clock clock) {
        this.db = db;
        this.purposes = purposes;
        this.consents = consents;
        this.audit = audit;
        this.contacts = contacts;
        this.rules = rules;
        this.restricted = restricted;
        this.clock = clock;
    }

    public ContactList list(Principal by, String purposeKey) {
        LocalDate today = LocalDate.now(clock);
        List<PersonSummary> everyone = contacts.search(by, null, Integer.MAX_VALUE).rows();
        record Ledger(Purpose purpose, Map<Long, List<BasisRecord>> bases, Map<Long, List<Consent>> consents,
                Map<Long, List<Objection>> objections) {}
        Ledger l = db.read(tx -> {
            Purpose p = purposes.findByKey(tx, purposeKey).orElseThrow(() -> PurposeService.unknown(purposeKey));
            if (p.retired()) {
                throw new KontorException("purpose.retired", purposeKey);
            }
            return new Ledger(p,
                    consents.bases(tx, null).stream().filter(b -> b.purposeKey().equals(purposeKey))
                            .collect(Collectors.groupingBy(BasisRecord::personId)),
                    consents.consents(tx, null).stream().filter(c -> c.purposeKey().equals(purposeKey))
                            .collect(Collectors.groupingBy(Consent::personId)),
                    consents.objections(tx, null).stream().collect(Collectors.groupingBy(Objection::personId)));
        });
        List<PersonSummary> allowed = new ArrayList<>();
        Map<Exclusion, Integer> excluded = new EnumMap<>(Exclusion.class);
        for (PersonSummary s : everyone) {
            ProcessingDecision d = rules.decide(l.purpose(), l.bases().getOrDefault(s.id(), List.of()),
                    l.consents().getOrDefault(s.id(), List.of()), l.objections().getOrDefault(s.id(), List.of()),
                    restricted.test(s.id()), today);
            if (d.allowed()) {
                allowed.add(s);
            } else {
                excluded.merge(d.exclusion(), 1, Integer::sum);
            }
        }
        return new ContactList(l.purpose(), today, allowed, excluded);
    }

    /** Builds the list and records in the audit trail who exported which list when. */
    public ContactList export(Principal by, String purposeKey, String format) {
        ContactList list = list(by, purposeKey);
        Instant now = clock.instant();
        db.inTransaction(tx -> {
            audit.append(tx, by, now, List.of(new AuditChange(AuditAction.EXPORT, "contact_list", list.purpose().id(),
                    null, purposeKey, null, list.people().size() + " people as " + format + ", "
                            + list.excludedTotal() + " excluded")));
            return null;
        });
        return list;
    }
}

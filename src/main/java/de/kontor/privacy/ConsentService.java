package de.kontor.privacy;

import de.kontor.domain.FieldError;
import de.kontor.domain.KontorException;
import de.kontor.domain.NotFoundException;
import de.kontor.domain.Person;
import de.kontor.domain.Principal;
import de.kontor.domain.SourceKind;
import de.kontor.domain.Text;
import de.kontor.domain.ValidationException;
import de.kontor.domain.audit.AuditAction;
import de.kontor.domain.audit.AuditChange;
import de.kontor.domain.privacy.BasisRecord;
import de.kontor.domain.privacy.Consent;
import de.kontor.domain.privacy.ConsentMethod;
import de.kontor.domain.privacy.ConsentStatus;
import de.kontor.domain.privacy.ConsentText;
import de.kontor.domain.privacy.LawfulBasis;
import de.kontor.domain.privacy.ProcessingDecision;
import de.kontor.domain.privacy.ProcessingRules;
import de.kontor.domain.privacy.Purpose;
import de.kontor.domain.time.LegalPeriod;
import de.kontor.service.Permissions;
import de.kontor.store.AuditStore;
import de.kontor.store.ConsentStore;
import de.kontor.store.Database;
import de.kontor.store.PersonStore;
import de.kontor.store.PurposeStore;
import de.kontor.store.SettingsStore;
import de.kontor.store.Tx;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Lawful bases, the consent ledger (Art. 6, 7), objections (Art. 21) and information duties
 * (Art. 13, 14). Each change is validated, recorded in the audit trail in the same
 * transaction, and takes effect at once.
 */
public final class ConsentService {
    public static final String STALE_DAYS_SETTING = "doubleOptIn.staleDays";
    public static final int DEFAULT_STALE_DAYS = 30;
    /** Sources where the data was not collected from the person (Art. 14). */
    static final Set<SourceKind> THIRD_PARTY = Set.of(SourceKind.IMPORT, SourceKind.REFERRAL, SourceKind.OTHER);

    private final Database db;
    private final PersonStore persons;
    private final PurposeStore purposes;
    private final ConsentStore consents;
    private final SettingsStore settings;
    private final AuditStore audit;
    private final ProcessingRules rules;
    private final ConfirmationMail mail;
    private final SuppressionService suppression;
    private final Permissions permissions;
    private final SecureRandom random;
    private final Clock clock;

    public ConsentService(Database db, PersonStore persons, PurposeStore purposes, ConsentStore consents,
            SettingsStore settings, AuditStore audit, ProcessingRules rules, ConfirmationMail mail,
            SuppressionService suppression, Permissions permissions, SecureRandom random, Clock clock) {
        this.suppression = suppression;
        this.db = db;
        this.persons = persons;
        this.purposes = purposes;
        this.consents = consents;
        this.settings = settings;
        this.audit = audit;
        this.rules = rules;
        this.mail = mail;
        this.permissions = permissions;
        this.random = random;
        this.clock = clock;
    }

    // ---- lawful basis ----------------------------------------------------------------------

    /** Appends a basis to the person's history for the purpose; nothing is overwritten. */
    public BasisRecord setBasis(Principal by, long personId, String purposeKey, LawfulBasis basis, LocalDate from,
            LocalDate until, String evidence, String note) {
        permissions.requireRecordConsent(by);
        LocalDate start = from == null ? today() : from;
        String ev = Text.clean(evidence);
        String bal = Text.clean(note);
        List<FieldError> errors = new ArrayList<>();
        if (basis == null) {
            errors.add(FieldError.of("basis", "validation.required"));
        }
        if (until != null && until.isBefore(start)) {
            errors.add(FieldError.of("until", "basis.untilBeforeFrom", until.toString(), start.toString()));
        }
        if (basis == LawfulBasis.LEGITIMATE_INTEREST && bal == null) {
            errors.add(FieldError.of("note", "basis.balancingRequired"));
        }
        if (ev != null && ev.length() > 2000) {
            errors.add(FieldError.of("evidence", "validation.tooLong", "2000"));
        }
        if (bal != null && bal.length() > 4000) {
            errors.add(FieldError.of("note", "validation.tooLong", "4000"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            requirePerson(tx, personId);
            Purpose p = activePurpose(tx, purposeKey);
            long id = consents.insertBasis(tx, personId, p.id(), basis, start, until, ev, bal, by.userId(), now);
            audit.append(tx, by, now, List.of(new AuditChange(AuditAction.CREATE, "basis", id, personId, purposeKey,
                    null, basis.key() + " " + start + ".." + (until == null ? "" : until)
                            + (ev == null ? "" : " evidence: " + ev) + (bal == null ? "" : " balancing: " + bal))));
            return consents.bases(tx, List.of(personId)).stream().filter(b -> b.id() == id).findFirst().orElseThrow();
        });
    }

    // ---- consent ---------------------------------------------------------------------------

    /** What a consent request produced: the record, the token (double opt-in) and the e-mail. */
    public record Request(Consent consent, String token, String mailSubject, String mailBody, boolean mailSent) {}

    /**
     * Asks for consent. With double opt-in this creates a one-time token (stored only as a
     * hash) and the confirmation e-mail, sent when an SMTP server is configured.
     */
    public Request request(Principal by, long personId, String purposeKey, ConsentMethod method, String textVersion) {
        permissions.requireRecordConsent(by);
        Instant now = clock.instant();
        boolean doi = method == ConsentMethod.DOUBLE_OPT_IN;
        String token = doi ? newToken() : null;
        record Stored(Consent consent, Person person, Purpose purpose, ConsentText text) {}
        Stored s = db.inTransaction(tx -> {
            Person person = persons.find(tx, personId).orElseThrow(() -> new NotFoundException(PersonStore.ENTITY, personId));
            Purpose p = activePurpose(tx, purposeKey);
            ConsentText text = text(tx, purposeKey, textVersion);
            if (doi && person.data().emails().isEmpty()) {
                throw new KontorException("consent.noEmail", personId);
            }
            ConsentStatus status = doi ? ConsentStatus.PENDING_DOUBLE_OPT_IN : ConsentStatus.REQUESTED;
            long id = consents.insertConsent(tx, personId, p.id(), status, method, text.id(), now, null, null,
                    doi ? hash(token) : null, null, by.userId());
            audit.append(tx, by, now, List.of(change(AuditAction.CREATE, id, personId, purposeKey, null,
                    status.key() + " via " + method.key() + ", text " + text.version())));
            return new Stored(consents.consent(tx, id).orElseThrow(), person, p, text);
        });
        if (!doi) {
            return new Request(s.consent(), null, null, null, false);
        }
        ConfirmationMail.Prepared m = mail.prepare(s.person(), s.purpose(), s.text(), token);
        boolean sent = mail.sendIfConfigured(m);
        return new Request(s.consent(), token, m.subject(), m.body(), sent);
    }

    /** Confirms a double opt-in with its token; a wrong or stale token is refused. */
    public Consent confirm(Principal by, long personId, String purposeKey, String token) {
        permissions.requireRecordConsent(by);
        String t = Text.clean(token);
        if (t == null) {
            throw new ValidationException(List.of(FieldError.of("token", "validation.required")));
        }
        return confirmOpen(by, personId, purposeKey, t);
    }

    /** Confirms the open request by the person's recorded reply (e.g. a signed form came back). */
    public Consent confirmByReply(Principal by, long personId, String purposeKey) {
        permissions.requireRecordConsent(by);
        return confirmOpen(by, personId, purposeKey, null);
    }

    private Consent confirmOpen(Principal by, long personId, String purposeKey, String token) {
        Instant now = clock.instant();
        int staleDays = staleDays();
        // Expiring a stale request must persist even though the confirmation is refused.
        Consent open = db.inTransaction(tx -> {
            requirePerson(tx, personId);
            activePurpose(tx, purposeKey);
            Consent c = latestOpen(tx, personId, purposeKey)
                    .orElseThrow(() -> new KontorException("consent.noOpenRequest", personId, purposeKey));
            if (c.requestedAt().plus(java.time.Duration.ofDays(staleDays)).isBefore(now)) {
                consents.transition(tx, c.id(), c.version(), ConsentStatus.EXPIRED, now, null);
                audit.append(tx, by, now, List.of(change(AuditAction.UPDATE, c.id(), personId, purposeKey,
                        c.status().key(), ConsentStatus.EXPIRED.key() + " (stale)")));
                return null;
            }
            return c;
        });
        if (open == null) {
            throw new KontorException("consent.tokenExpired", staleDays);
        }
        return db.inTransaction(tx -> {
            if (token != null) {
                String stored = consents.tokenHash(tx, open.id()).orElse(null);
                if (stored == null || !java.security.MessageDigest.isEqual(stored.getBytes(), hash(token).getBytes())) {
                    throw new KontorException("consent.tokenInvalid");
                }
            }
            consents.transition(tx, open.id(), open.version(), ConsentStatus.GIVEN, now, null);
            audit.append(tx, by, now, List.of(change(AuditAction.UPDATE, open.id(), personId, purposeKey,
                    open.status().key(), ConsentStatus.GIVEN.key() + (token != null ? " (token confirmed)" : " (reply recorded)"))));
            ensureConsentBasis(tx, by, personId, purposeKey, now);
            return consents.consent(tx, open.id()).orElseThrow();
        });
    }

    /** Records consent given directly (form, e-mail, verbally) with optional evidence document. */
    public Consent grant(Principal by, long personId, String purposeKey, ConsentMethod method, String textVersion,
            Instant at, Evidence evidence, LocalDate expiresOn) {
        permissions.requireRecordConsent(by);
        Instant now = clock.instant();
        Instant given = at == null ? now : at;
        List<FieldError> errors = new ArrayList<>();
        if (method == null) {
            errors.add(FieldError.of("method", "validation.required"));
        }
        if (given.isAfter(now.plusSeconds(60))) {
            errors.add(FieldError.of("at", "consent.atFuture", given.toString()));
        }
        if (expiresOn != null && expiresOn.isBefore(LocalDate.ofInstant(given, zone()))) {
            errors.add(FieldError.of("expires", "consent.expiresBeforeGiven", expiresOn.toString()));
        }
        if (evidence != null) {
            evidence.validate(errors);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return db.inTransaction(tx -> {
            requirePerson(tx, personId);
            Purpose p = activePurpose(tx, purposeKey);
            ConsentText text = text(tx, purposeKey, textVersion);
            Long docId = evidence == null ? null : consents.insertDocument(tx, personId, evidence.fileName(),
                    evidence.mediaType(), evidence.content(), PurposeService.sha256Bytes(evidence.content()), by.userId(), now);
            long id = consents.insertConsent(tx, personId, p.id(), ConsentStatus.GIVEN, method, text.id(), null, given,
                    expiresOn, null, docId, by.userId());
            audit.append(tx, by, now, List.of(change(AuditAction.CREATE, id, personId, purposeKey, null,
                    "given via " + method.key() + " at " + given + ", text " + text.version()
                            + (expiresOn == null ? "" : ", expires " + expiresOn)
                            + (evidence == null ? "" : ", evidence " + evidence.fileName()))));
            ensureConsentBasis(tx, by, personId, purposeKey, now);
            return consents.consent(tx, id).orElseThrow();
        });
    }

    /** Withdraws every given consent of the person for the purpose, at once (Art. 7(3)). */
    public List<Consent> withdraw(Principal by, long personId, String purposeKey, String channel) {
        permissions.requireRecordConsent(by);
        Instant now = clock.instant();
        String ch = Text.clean(channel);
        return db.inTransaction(tx -> {
            requirePerson(tx, personId);
            purposeOf(tx, purposeKey);
            List<Consent> given = consents.consents(tx, List.of(personId)).stream()
                    .filter(c -> c.purposeKey().equals(purposeKey) && c.status() == ConsentStatus.GIVEN).toList();
            if (given.isEmpty()) {
                throw new KontorException("consent.notGiven", personId, purposeKey);
            }
            withdrawAll(tx, by, given, ch, now);
            return consents.consents(tx, List.of(personId)).stream()
                    .filter(c -> given.stream().anyMatch(g -> g.id() == c.id())).toList();
        });
    }

    /**
     * Art. 21 objection to direct marketing: withdraws every marketing consent and is
     * remembered, so marketing cannot resume without a new consent given after it.
     */
    public int object(Principal by, long personId, String channel) {
        permissions.requireRecordConsent(by);
        Instant now = clock.instant();
        String ch = Text.clean(channel);
        return db.inTransaction(tx -> {
            Person person = persons.find(tx, personId).orElseThrow(() -> new NotFoundException(PersonStore.ENTITY, personId));
            suppression.suppress(tx, person.data(), SuppressionService.REASON_OBJECTION);
            Set<String> marketing = new java.util.HashSet<>();
            purposes.all(tx).stream().filter(Purpose::marketing).forEach(p -> marketing.add(p.key()));
            List<Consent> given = consents.consents(tx, List.of(personId)).stream()
                    .filter(c -> marketing.contains(c.purposeKey()) && c.status() == ConsentStatus.GIVEN).toList();
            long id = consents.insertObjection(tx, personId, now, ch, by.userId());
            audit.append(tx, by, now, List.of(new AuditChange(AuditAction.CREATE, "objection", id, personId, "objection",
                    null, "Art. 21 direct marketing" + (ch == null ? "" : " via " + ch))));
            withdrawAll(tx, by, given, ch == null ? "objection" : ch, now);
            return given.size();
        });
    }

    /** Records that the person was informed (Art. 13/14) with the notice version. */
    public void informed(Principal by, long personId, String noticeVersion, String how, Instant at) {
        permissions.requireRecordConsent(by);
        Instant now = clock.instant();
        Instant when = at == null ? now : at;
        String v = Text.clean(noticeVersion);
        String h = Text.clean(how);
        List<FieldError> errors = new ArrayList<>();
        if (v == null) {
            errors.add(FieldError.of("noticeVersion", "validation.required"));
        } else if (v.length() > 50) {
            errors.add(FieldError.of("noticeVersion", "validation.tooLong", "50"));
        }
        if (h == null) {
            errors.add(FieldError.of("how", "validation.required"));
        } else if (h.length() > 200) {
            errors.add(FieldError.of("how", "validation.tooLong", "200"));
        }
        if (when.isAfter(now.plusSeconds(60))) {
            errors.add(FieldError.of("at", "consent.atFuture", when.toString()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        db.inTransaction(tx -> {
            requirePerson(tx, personId);
            long id = consents.insertInformation(tx, personId, v, h, when, by.userId());
            audit.append(tx, by, now, List.of(new AuditChange(AuditAction.CREATE, "information", id, personId,
                    "informed", null, "notice " + v + " via " + h + " at " + when)));
            return null;
        });
    }

    /** The person's processing per purpose today, with the whole history. */
    public PrivacyOverview overview(Principal by, long personId) {
        LocalDate today = today();
        return db.read(tx -> {
            Person person = persons.find(tx, personId).orElseThrow(() -> new NotFoundException(PersonStore.ENTITY, personId));
            List<Long> ids = List.of(personId);
            List<BasisRecord> bases = consents.bases(tx, ids);
            List<Consent> all = consents.consents(tx, ids);
            var objections = consents.objections(tx, ids);
            var info = consents.information(tx, ids);
            List<ProcessingDecision> decisions = new ArrayList<>();
            for (Purpose p : purposes.all(tx)) {
                if (p.retired()) {
                    continue;
                }
                decisions.add(rules.decide(p, bases.stream().filter(b -> b.purposeKey().equals(p.key())).toList(),
                        all.stream().filter(c -> c.purposeKey().equals(p.key())).toList(), objections, false, today));
            }
            return new PrivacyOverview(personId, decisions, bases, all, objections, info,
                    informBy(person, !info.isEmpty()));
        });
    }

    /**
     * Expires unconfirmed double opt-ins older than the stale limit and given consents past
     * their expiry date. Returns how many changed.
     */
    public int expireDue(Principal by) {
        Instant now = clock.instant();
        LocalDate today = today();
        int staleDays = staleDays();
        return db.inTransaction(tx -> {
            int n = 0;
            List<AuditChange> changes = new ArrayList<>();
            for (Consent c : consents.consentsInStatus(tx, ConsentStatus.PENDING_DOUBLE_OPT_IN)) {
                if (c.requestedAt().plus(java.time.Duration.ofDays(staleDays)).isBefore(now)) {
                    consents.transition(tx, c.id(), c.version(), ConsentStatus.EXPIRED, now, null);
                    changes.add(change(AuditAction.UPDATE, c.id(), c.personId(), c.purposeKey(), c.status().key(),
                            ConsentStatus.EXPIRED.key() + " (stale)"));
                    n++;
                }
            }
            for (Consent c : consents.consentsInStatus(tx, ConsentStatus.GIVEN)) {
                if (c.expiresOn() != null && c.expiresOn().isBefore(today)) {
                    consents.transition(tx, c.id(), c.version(), ConsentStatus.EXPIRED, now, null);
                    changes.add(change(AuditAction.UPDATE, c.id(), c.personId(), c.purposeKey(), c.status().key(),
                            ConsentStatus.EXPIRED.key() + " (expiry date " + c.expiresOn() + ")"));
                    n++;
                }
            }
            audit.append(tx, by, now, changes);
            return n;
        });
    }

    public int staleDays() {
        return db.read(tx -> settings.get(tx, STALE_DAYS_SETTING)).map(v -> {
            try {
                return Math.max(1, Integer.parseInt(v));
            } catch (NumberFormatException e) {
                return DEFAULT_STALE_DAYS;
            }
        }).orElse(DEFAULT_STALE_DAYS);
    }

    /** Sets after how many days an unconfirmed double opt-in is stale (owner/admin only, audited). */
    public void setStaleDays(Principal by, int days) {
        permissions.requireAdminister(by);
        if (days < 1 || days > 365) {
            throw new ValidationException(List.of(FieldError.of("staleDays", "settings.staleDaysRange", "1", "365")));
        }
        Instant now = clock.instant();
        db.inTransaction(tx -> {
            String old = settings.get(tx, STALE_DAYS_SETTING).orElse(null);
            audit.append(tx, by, now, List.of(new AuditChange(AuditAction.UPDATE, "setting", 0, null, STALE_DAYS_SETTING,
                    old, Integer.toString(days))));
            settings.put(tx, STALE_DAYS_SETTING, Integer.toString(days));
            return null;
        });
    }

    /** One month after collection for people from third parties, until they were informed. */
    LocalDate informBy(Person person, boolean informed) {
        if (informed || !THIRD_PARTY.contains(person.provenance().kind())) {
            return null;
        }
        return LegalPeriod.months(LocalDate.ofInstant(person.provenance().capturedAt(), zone()), 1);
    }

    // ---- helpers ---------------------------------------------------------------------------

    private void withdrawAll(Tx tx, Principal by, List<Consent> given, String channel, Instant now) {
        List<AuditChange> changes = new ArrayList<>();
        for (Consent c : given) {
            consents.transition(tx, c.id(), c.version(), ConsentStatus.WITHDRAWN, now, channel);
            changes.add(change(AuditAction.UPDATE, c.id(), c.personId(), c.purposeKey(), c.status().key(),
                    ConsentStatus.WITHDRAWN.key() + (channel == null ? "" : " via " + channel)));
        }
        audit.append(tx, by, now, changes);
    }

    /** Giving consent makes consent the basis for the purpose unless it already is. */
    private void ensureConsentBasis(Tx tx, Principal by, long personId, String purposeKey, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, zone());
        List<BasisRecord> bases = consents.bases(tx, List.of(personId)).stream()
                .filter(b -> b.purposeKey().equals(purposeKey)).toList();
        boolean consentBasis = rules.currentBasis(bases, today).map(b -> b.basis() == LawfulBasis.CONSENT).orElse(false);
        if (!consentBasis) {
            Purpose p = purposeOf(tx, purposeKey);
            long id = consents.insertBasis(tx, personId, p.id(), LawfulBasis.CONSENT, today, null, "consent ledger", null,
                    by.userId(), now);
            audit.append(tx, by, now, List.of(new AuditChange(AuditAction.CREATE, "basis", id, personId, purposeKey, null,
                    LawfulBasis.CONSENT.key() + " " + today + "..")));
        }
    }

    private java.util.Optional<Consent> latestOpen(Tx tx, long personId, String purposeKey) {
        return consents.consents(tx, List.of(personId)).stream()
                .filter(c -> c.purposeKey().equals(purposeKey) && c.status().isOpen())
                .max(java.util.Comparator.comparingLong(Consent::id));
    }

    private ConsentText text(Tx tx, String purposeKey, String version) {
        String v = Text.clean(version);
        if (v == null) {
            throw new ValidationException(List.of(FieldError.of("textVersion", "validation.required")));
        }
        return purposes.findText(tx, purposeKey, v).orElseThrow(() -> new KontorException("consent.unknownText",
                purposeKey, v));
    }

    private Purpose purposeOf(Tx tx, String key) {
        return purposes.findByKey(tx, key).orElseThrow(() -> PurposeService.unknown(key));
    }

    private Purpose activePurpose(Tx tx, String key) {
        Purpose p = purposeOf(tx, key);
        if (p.retired()) {
            throw new KontorException("purpose.retired", key);
        }
        return p;
    }

    private void requirePerson(Tx tx, long personId) {
        if (!persons.exists(tx, personId)) {
            throw new NotFoundException(PersonStore.ENTITY, personId);
        }
    }

    private static AuditChange change(AuditAction action, long consentId, long personId, String purposeKey, String from,
            String to) {
        return new AuditChange(action, ConsentStore.ENTITY, consentId, personId, purposeKey, from, to);
    }

    private String newToken() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b).toUpperCase(Locale.ROOT);
    }

    private static String hash(String token) {
        return PurposeService.sha256(token.strip().toUpperCase(Locale.ROOT));
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private ZoneId zone() {
        return clock.getZone();
    }
}

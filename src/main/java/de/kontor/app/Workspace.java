package de.kontor.app;

import de.kontor.domain.ContactRules;
import de.kontor.domain.KontorException;
import de.kontor.domain.OrganisationRules;
import de.kontor.domain.Principal;
import de.kontor.domain.Role;
import de.kontor.domain.Text;
import de.kontor.domain.privacy.ProcessingRules;
import de.kontor.privacy.ConfirmationMail;
import de.kontor.privacy.ConsentService;
import de.kontor.privacy.ContactListService;
import de.kontor.privacy.DashboardService;
import de.kontor.privacy.PurposeService;
import de.kontor.dedupe.DedupeService;
import de.kontor.dedupe.DedupeSettings;
import de.kontor.dedupe.Matcher;
import de.kontor.store.DedupeStore;
import de.kontor.privacy.RequestService;
import de.kontor.exchange.FileImport;
import de.kontor.exchange.SubjectDataService;
import de.kontor.store.RequestStore;
import de.kontor.privacy.ErasureCertificate;
import de.kontor.privacy.ErasureService;
import de.kontor.privacy.RestrictionService;
import de.kontor.privacy.RetentionService;
import de.kontor.privacy.SuppressionService;
import de.kontor.domain.retention.DueList;
import de.kontor.store.ErasureStore;
import de.kontor.store.RestrictionStore;
import de.kontor.store.RetentionStore;
import de.kontor.store.SuppressionStore;
import de.kontor.privacy.SmtpMailer;
import de.kontor.security.Argon2Kdf;
import de.kontor.security.DatabaseKey;
import de.kontor.security.KdfParams;
import de.kontor.security.KeySlotStore;
import de.kontor.security.PasswordPolicy;
import de.kontor.service.ActivityService;
import de.kontor.service.AuditService;
import de.kontor.service.ContactService;
import de.kontor.service.OrganisationService;
import de.kontor.service.Permissions;
import de.kontor.service.SearchIndex;
import de.kontor.store.ActivityStore;
import de.kontor.store.AuditStore;
import de.kontor.store.DataFolder;
import de.kontor.store.Database;
import de.kontor.store.OrganisationStore;
import de.kontor.store.PersonStore;
import de.kontor.store.ConsentStore;
import de.kontor.store.PurposeStore;
import de.kontor.store.SettingsStore;
import de.kontor.store.UserStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * The composition root: an open, unlocked Kontor database with every service wired by
 * constructor, acting for one signed-in user. The window and the command line both start
 * here, so they call the same services.
 */
public final class Workspace implements AutoCloseable {
    private static final String SUPPRESSION_LABEL = "suppression-hmac";
    private final Database db;
    private final Principal principal;
    private final ContactService contacts;
    private final OrganisationService organisations;
    private final ActivityService activities;
    private final AuditService audit;
    private final PurposeService purposes;
    private final ConsentService consents;
    private final ContactListService contactLists;
    private final ConfirmationMail confirmationMail;
    private final SuppressionService suppression;
    private final RestrictionService restrictions;
    private final ErasureService erasure;
    private final RetentionService retention;
    private final DashboardService dashboard;
    private final DedupeService dedupe;
    private final RequestService requests;
    private final SubjectDataService subjectData;
    private final FileImport imports;

    private Workspace(Database db, Principal principal, Clock clock, SecureRandom random, String suppressionSecret) {
        this.db = db;
        this.principal = principal;
        PersonStore persons = new PersonStore();
        OrganisationStore orgStore = new OrganisationStore();
        AuditStore auditStore = new AuditStore(random);
        ContactRules rules = new ContactRules();
        Permissions permissions = new Permissions();
        this.suppression = new SuppressionService(db, new SuppressionStore(), auditStore, permissions, suppressionSecret,
                clock);
        RestrictionStore restrictionStore = new RestrictionStore();
        this.restrictions = new RestrictionService(db, restrictionStore, persons, auditStore, permissions, clock);
        this.contacts = new ContactService(db, persons, orgStore, auditStore, rules, new SearchIndex(), permissions,
                suppression, restrictions, clock);
        this.organisations = new OrganisationService(db, orgStore, persons, auditStore, new OrganisationRules(rules),
                permissions, clock);
        this.activities = new ActivityService(db, new ActivityStore(), persons, auditStore, permissions, clock);
        this.audit = new AuditService(db, auditStore);
        PurposeStore purposeStore = new PurposeStore();
        ConsentStore consentStore = new ConsentStore();
        SettingsStore settings = new SettingsStore();
        ProcessingRules processing = new ProcessingRules();
        this.purposes = new PurposeService(db, purposeStore, auditStore, permissions, clock);
        this.confirmationMail = new ConfirmationMail(db, settings, new SmtpMailer(), auditStore, permissions, clock);
        this.consents = new ConsentService(db, persons, purposeStore, consentStore, settings, auditStore, processing,
                confirmationMail, suppression, permissions, random, clock);
        this.contactLists = new ContactListService(db, purposeStore, consentStore, auditStore, contacts, processing,
                restrictions::isRestricted, clock);
        ActivityStore activityStore = new ActivityStore();
        RetentionStore retentionStore = new RetentionStore();
        ErasureStore erasureStore = new ErasureStore();
        this.erasure = new ErasureService(db, persons, activityStore, consentStore, retentionStore, erasureStore,
                restrictionStore, auditStore, suppression, contacts, new ErasureCertificate(clock.getZone()), permissions,
                clock);
        this.retention = new RetentionService(db, retentionStore, erasureStore, restrictionStore, auditStore, erasure,
                new DueList(), permissions, clock);
        this.dashboard = new DashboardService(db, purposeStore, consentStore, contacts, consents, processing, clock);
        this.dedupe = new DedupeService(db, persons, orgStore, new DedupeStore(), auditStore, contacts, restrictions,
                permissions, new Matcher(DedupeSettings.DEFAULT), clock);
        this.requests = new RequestService(db, new RequestStore(), persons, auditStore, permissions, clock);
        this.subjectData = new SubjectDataService(db, persons, activityStore, consentStore, purposeStore, restrictionStore,
                retentionStore, settings, auditStore, consents, requests, restrictions, suppression, contacts, permissions,
                clock);
        this.imports = new FileImport(contacts, dedupe, subjectData);
    }

    /** How to open: the clock, randomness and Argon2 cost (tests use a cheaper one). */
    public record Options(Clock clock, SecureRandom random, KdfParams kdf, boolean encrypted) {
        public Options(Clock clock, SecureRandom random, KdfParams kdf) {
            this(clock, random, kdf, true);
        }

        public static Options defaults() {
            return new Options(Clock.systemDefaultZone(), new SecureRandom(), KdfParams.DEFAULT);
        }

        /** An unencrypted file: only for tests that look for erased values in the raw bytes. */
        public Options unencrypted() {
            return new Options(clock, random, kdf, false);
        }
    }

    /**
     * Creates a new database with its owner account. Refuses if the folder already holds one;
     * on failure removes what it wrote, so a retry starts clean.
     */
    public static Workspace create(DataFolder folder, String ownerName, char[] password, Options options) {
        String owner = Text.clean(ownerName);
        if (owner == null) {
            throw new KontorException("error.ownerRequired");
        }
        if (owner.length() > 100) {
            throw new KontorException("error.ownerTooLong", 100);
        }
        String problem = new PasswordPolicy().problem(password);
        if (problem != null) {
            throw new KontorException(problem, PasswordPolicy.MIN_LENGTH);
        }
        if (folder.hasDatabase()) {
            throw new KontorException("error.databaseExists", folder.dir().toString());
        }
        try {
            Files.createDirectories(folder.dir());
        } catch (IOException e) {
            throw new KontorException(e, "error.io", folder.dir().toString(), e.getMessage());
        }
        KeySlotStore slots = new KeySlotStore(folder.keySlots(), new Argon2Kdf(), options.random(), options.kdf());
        Database db = null;
        try (DatabaseKey key = slots.create(owner, password)) {
            db = Database.create(folder, key, options.encrypted());
            Database opened = db;
            Principal p = db.inTransaction(tx -> new UserStore().create(tx, owner, owner, Role.OWNER,
                    options.clock().instant()));
            Workspace w = new Workspace(opened, p, options.clock(), options.random(), key.derive(SUPPRESSION_LABEL));
            return w;
        } catch (RuntimeException e) {
            if (db != null) {
                db.close();
            }
            deleteQuietly(folder.keySlots());
            deleteQuietly(folder.databaseFile());
            throw e;
        }
    }

    /**
     * Unlocks with a user's password and opens the database. A wrong password is refused by
     * the key slot before the database file is touched, so no file changes.
     */
    public static Workspace open(DataFolder folder, String user, char[] password, Options options) {
        if (!Files.isRegularFile(folder.keySlots())) {
            throw new KontorException(Files.isDirectory(folder.dir()) && Files.exists(folder.databaseFile())
                    ? "error.keySlotMissing" : "error.noDatabase", folder.dir().toString());
        }
        KeySlotStore slots = new KeySlotStore(folder.keySlots(), new Argon2Kdf(), options.random(), options.kdf());
        try (DatabaseKey key = slots.unlock(Text.clean(user), password)) {
            String slotUser = user == null ? slots.users().get(0) : user;
            Database db = Database.open(folder, key, options.encrypted());
            try {
                Principal p = db.read(tx -> new UserStore().findByUsername(tx, slotUser))
                        .orElseThrow(() -> new KontorException("error.unknownUser", slotUser));
                Workspace w = new Workspace(db, p, options.clock(), options.random(), key.derive(SUPPRESSION_LABEL));
                return w;
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // best effort clean-up after a failed create
        }
    }

    /**
     * Whether an erasure's compaction has not finished (killed, or the disk was full): erased
     * values may still be in the file's bytes until it succeeds. Every open retries it.
     */
    public boolean compactionPending() {
        return db.compactionPending();
    }

    public Principal principal() {
        return principal;
    }

    public DataFolder folder() {
        return db.folder();
    }

    public ContactService contacts() {
        return contacts;
    }

    public OrganisationService organisations() {
        return organisations;
    }

    public ActivityService activities() {
        return activities;
    }

    public AuditService audit() {
        return audit;
    }

    public PurposeService purposes() {
        return purposes;
    }

    public ConsentService consents() {
        return consents;
    }

    public ContactListService contactLists() {
        return contactLists;
    }

    public ConfirmationMail confirmationMail() {
        return confirmationMail;
    }

    public SuppressionService suppression() {
        return suppression;
    }

    public RestrictionService restrictions() {
        return restrictions;
    }

    public ErasureService erasure() {
        return erasure;
    }

    public RetentionService retention() {
        return retention;
    }

    public RequestService requests() {
        return requests;
    }

    /** Access reports (Art. 15), exports (Art. 20) and the controller details they show. */
    public SubjectDataService subjectData() {
        return subjectData;
    }

    /** Imports from CSV, vCard and Kontor JSON files, with a preview. */
    public FileImport imports() {
        return imports;
    }

    /** The database, for backups (same package only). */
    Database database() {
        return db;
    }

    /** This database's erasure journal: ids and dates. */
    public List<Backups.JournalEntryFacts> journalFacts() {
        return erasure.journal(principal).stream()
                .map(e -> new Backups.JournalEntryFacts(e.personId(), e.kind(), e.erasedAt(), e.requestId())).toList();
    }

    /**
     * After a restore: takes over the replaced database's journal entries and erases again
     * everyone in the journal who came back. Returns how many were erased again.
     */
    public int replayJournal(List<Backups.JournalEntryFacts> replaced, java.util.Locale locale) {
        erasure.mergeJournal(principal, replaced.stream().map(f -> new de.kontor.store.ErasureStore.JournalEntry(0,
                f.personId(), f.kind(), f.erasedAt(), f.requestId())).toList());
        return erasure.replayJournal(principal, locale);
    }

    public DashboardService dashboard() {
        return dashboard;
    }

    public DedupeService dedupe() {
        return dedupe;
    }

    @Override
    public void close() {
        db.close();
    }
}

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
import de.kontor.security.OwnerOnlyFiles;
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
import java.util.Optional;

/**
 * The composition root: an open, unlocked Kontor database with every service wired by
 * constructor, acting for one signed-in user. The window and the command line both start
 * here, so they call the same services.
 */
public final class Workspace implements AutoCloseable {
    private static final String SUPPRESSION_LABEL = "suppression-hmac";
    private static final java.time.Duration LOCK_WAIT = java.time.Duration.ofSeconds(60);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Workspace.class);
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
    private final Clock clock;
    private List<KontorException> notices = List.of();

    private Workspace(Database db, Principal principal, Clock clock, SecureRandom random, String suppressionSecret) {
        this.db = db;
        this.principal = principal;
        this.clock = clock;
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
        this.dedupe = new DedupeService(db, persons, orgStore, new DedupeStore(), auditStore, contacts, erasure, restrictions,
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
        try {
            OwnerOnlyFiles.ownFolder(folder.dir());
        } catch (RuntimeException e) {
            throw new KontorException(e, "error.io", folder.dir().toString(), e.getMessage());
        }
        FileOps ops = new RealFileOps();
        PendingRestore pending = new PendingRestore(ops);
        try (FolderLock lock = FolderLock.acquire(folder.dir(), LOCK_WAIT)) {
            pending.recover(folder);
            if (folder.hasDatabase()) {
                throw new KontorException("error.databaseExists", folder.dir().toString());
            }
            return createLocked(folder, owner, password, options, ops, pending);
        } catch (IOException e) {
            throw new KontorException(e, "error.io", folder.dir().toString(), e.getMessage());
        }
    }

    /**
     * Builds the new database in a {@code .init} folder beside, then moves the database file and
     * then the key slots in. Only this process's files are removed on failure: the folder lock
     * keeps a second {@code init} out until the first is done (it then finds the database).
     * If the process dies between the two moves, {@link PendingRestore#recover} moves the rest.
     */
    private static Workspace createLocked(DataFolder folder, String owner, char[] password, Options options, FileOps ops,
            PendingRestore pending) throws IOException {
        Path staging = OwnerOnlyFiles.createTempDirectory(folder.dir(), PendingRestore.INIT_PREFIX);
        DataFolder staged = new DataFolder(staging);
        KeySlotStore slots = new KeySlotStore(staged.keySlots(), new Argon2Kdf(), options.random(), options.kdf());
        List<Path> placed = new java.util.ArrayList<>();
        Database db = null;
        try (DatabaseKey key = slots.create(owner, password)) {
            Database building = Database.create(staged, key, options.encrypted());
            try {
                building.inTransaction(tx -> new UserStore().create(tx, owner, owner, Role.OWNER, options.clock().instant()));
            } finally {
                building.close();
            }
            for (String name : PendingRestore.FILES) {
                ops.move(staging.resolve(name), folder.dir().resolve(name));
                placed.add(folder.dir().resolve(name));
            }
            try {
                pending.deleteTree(staging);
            } catch (IOException e) {
                LOG.warn("empty init folder not removed, removed at the next start: {}", e.getClass().getSimpleName());
            }
            db = Database.open(folder, key, options.encrypted());
            Database opened = db;
            Principal p = db.read(tx -> new UserStore().findByUsername(tx, owner))
                    .orElseThrow(() -> new KontorException("error.unknownUser", owner));
            LOG.info("database created");
            return new Workspace(opened, p, options.clock(), options.random(), key.derive(SUPPRESSION_LABEL));
        } catch (IOException | RuntimeException e) {
            LOG.warn("init failed, removing what it created: {}", e.getClass().getSimpleName());
            if (db != null) {
                db.close();
            }
            for (Path p : placed) {
                deleteQuietly(p);
            }
            try {
                pending.deleteTree(staging);
            } catch (IOException again) {
                LOG.warn("init folder not removed, removed at the next start: {}", again.getClass().getSimpleName());
            }
            throw e;
        }
    }

    /**
     * Unlocks with a user's password and opens the database. A wrong password is refused by
     * the key slot before the database file is touched, so no file changes. Interrupted work
     * is finished first: a restore whose files are in place gets its journal replayed, one
     * that stopped earlier is undone, leftovers are removed.
     */
    public static Workspace open(DataFolder folder, String user, char[] password, Options options) {
        if (!PendingRestore.needed(folder)) {
            return openWithoutRecovery(folder, user, password, options);
        }
        PendingRestore pending = new PendingRestore(new RealFileOps());
        try (FolderLock lock = FolderLock.acquire(folder.dir(), LOCK_WAIT)) {
            Optional<PendingRestore.State> state = pending.recover(folder);
            Workspace w = openWithoutRecovery(folder, user, password, options);
            if (state.isPresent()) {
                try {
                    int n = w.replayJournal(state.get().journal(), state.get().locale());
                    LOG.info("interrupted restore finished: {} person(s) erased again", n);
                    pending.finish(folder, state.get());
                } catch (RuntimeException | IOException e) {
                    w.close();
                    LOG.warn("interrupted restore not finished: {}", e.getClass().getSimpleName());
                    throw new KontorException(e, "restore.replayPending", folder.dir().toString());
                }
            }
            return w;
        } catch (IOException e) {
            throw new KontorException(e, "error.io", folder.dir().toString(), e.getMessage());
        }
    }

    /** See {@link Backups#recover}: the file part of {@link #open}, which needs no password. */
    static void recover(DataFolder folder, Backups backups) {
        if (!PendingRestore.needed(folder)) {
            return;
        }
        try (FolderLock lock = FolderLock.acquire(folder.dir(), LOCK_WAIT)) {
            backups.pending().recover(folder);
        } catch (IOException e) {
            throw new KontorException(e, "error.io", folder.dir().toString(), e.getMessage());
        }
    }

    /** Opens without looking for interrupted work (a restore does, holding the folder lock). */
    static Workspace openWithoutRecovery(DataFolder folder, String user, char[] password, Options options) {
        KeySlotStore slots = new KeySlotStore(folder.keySlots(), new Argon2Kdf(), options.random(), options.kdf());
        if (!slots.exists()) {
            throw new KontorException(Files.isDirectory(folder.dir()) && Files.exists(folder.databaseFile())
                    ? "error.keySlotMissing" : "error.noDatabase", folder.dir().toString());
        }
        String named = Text.clean(user);
        try (KeySlotStore.Unlocked unlocked = slots.unlockSlot(named, password)) {
            DatabaseKey key = unlocked.key();
            Database db = Database.open(folder, key, options.encrypted());
            try {
                Principal p = db.read(tx -> named != null ? new UserStore().findByUsername(tx, named)
                        : onlySlotsUser(new UserStore().all(tx), slots, unlocked.slotId()))
                        .orElseThrow(() -> new KontorException("error.unknownUser", named == null ? "" : named));
                Workspace w = new Workspace(db, p, options.clock(), options.random(), key.derive(SUPPRESSION_LABEL));
                w.notices = slots.notices();
                return w;
            } catch (RuntimeException e) {
                db.close();
                throw e;
            }
        }
    }

    /** What the user should be told after opening, though it opened (e.g. the key slots' previous version was used). */
    public List<KontorException> notices() {
        return notices;
    }

    /**
     * The account of the only key slot (no user name was given): the key-slot file names no
     * user, so the account whose name gives the slot's id; with a single account, that one.
     */
    private static java.util.Optional<Principal> onlySlotsUser(List<Principal> accounts, KeySlotStore slots,
            String slotId) {
        java.util.Optional<Principal> owner = accounts.stream()
                .filter(a -> slots.belongsTo(slotId, a.username())).findFirst();
        return owner.isPresent() || accounts.size() != 1 ? owner : java.util.Optional.of(accounts.get(0));
    }

    /**
     * How many accounts have a key slot in the folder (the key-slot file names no user), so the
     * window needs no access to the key slot file itself.
     */
    public static int slotCount(DataFolder folder, Options options) {
        return new KeySlotStore(folder.keySlots(), new Argon2Kdf(), options.random(), options.kdf()).size();
    }

    /**
     * Checks {@code user}'s password against the folder's key slots without opening the
     * database; a wrong password throws as {@link #open} does.
     */
    public static void checkPassword(DataFolder folder, String user, char[] password, Options options) {
        new KeySlotStore(folder.keySlots(), new Argon2Kdf(), options.random(), options.kdf()).unlock(user, password)
                .close();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            LOG.warn("file of a failed init not removed: {}", e.getClass().getSimpleName());
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

    /** The clock every service of this workspace uses; view models take it too. */
    public Clock clock() {
        return clock;
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

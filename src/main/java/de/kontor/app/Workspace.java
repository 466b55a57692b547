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

/**
 * The composition root: an open, unlocked Kontor database with every service wired by
 * constructor, acting for one signed-in user. The window and the command line both start
 * here, so they call the same services.
 */
public final class Workspace implements AutoCloseable {
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
    private final DashboardService dashboard;

    private Workspace(Database db, Principal principal, Clock clock, SecureRandom random) {
        this.db = db;
        this.principal = principal;
        PersonStore persons = new PersonStore();
        OrganisationStore orgStore = new OrganisationStore();
        AuditStore auditStore = new AuditStore(random);
        ContactRules rules = new ContactRules();
        Permissions permissions = new Permissions();
        this.contacts = new ContactService(db, persons, orgStore, auditStore, rules, new SearchIndex(), permissions,
                clock);
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
                confirmationMail, permissions, random, clock);
        // Restriction of processing (Art. 18) arrives with the deletion concept; until then nobody is restricted.
        this.contactLists = new ContactListService(db, purposeStore, consentStore, auditStore, contacts, processing,
                personId -> false, clock);
        this.dashboard = new DashboardService(db, purposeStore, consentStore, contacts, consents, processing, clock);
    }

    /** How to open: the clock, randomness and Argon2 cost (tests use a cheaper one). */
    public record Options(Clock clock, SecureRandom random, KdfParams kdf) {
        public static Options defaults() {
            return new Options(Clock.systemDefaultZone(), new SecureRandom(), KdfParams.DEFAULT);
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
            db = Database.create(folder, key);
            Database opened = db;
            Principal p = db.inTransaction(tx -> new UserStore().create(tx, owner, owner, Role.OWNER,
                    options.clock().instant()));
            Workspace w = new Workspace(opened, p, options.clock(), options.random());
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
            Database db = Database.open(folder, key);
            try {
                Principal p = db.read(tx -> new UserStore().findByUsername(tx, slotUser))
                        .orElseThrow(() -> new KontorException("error.unknownUser", slotUser));
                Workspace w = new Workspace(db, p, options.clock(), options.random());
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

    public DashboardService dashboard() {
        return dashboard;
    }

    @Override
    public void close() {
        db.close();
    }
}

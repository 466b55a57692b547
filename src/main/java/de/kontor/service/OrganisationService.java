package de.kontor.service;

import de.kontor.domain.NotFoundException;
import de.kontor.domain.Organisation;
import de.kontor.domain.OrganisationData;
import de.kontor.domain.OrganisationFields;
import de.kontor.domain.OrganisationRules;
import de.kontor.domain.Principal;
import de.kontor.domain.audit.AuditAction;
import de.kontor.store.AuditStore;
import de.kontor.store.Database;
import de.kontor.store.OrganisationStore;
import de.kontor.store.PersonStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Organisations and their people. */
public final class OrganisationService {
    private final Database db;
    private final OrganisationStore organisations;
    private final PersonStore persons;
    private final AuditStore audit;
    private final OrganisationRules rules;
    private final Permissions permissions;
    private final Clock clock;

    public OrganisationService(Database db, OrganisationStore organisations, PersonStore persons, AuditStore audit,
            OrganisationRules rules, Permissions permissions, Clock clock) {
        this.db = db;
        this.organisations = organisations;
        this.persons = persons;
        this.audit = audit;
        this.rules = rules;
        this.permissions = permissions;
        this.clock = clock;
    }

    public List<Organisation> all(Principal by) {
        return db.read(organisations::all);
    }

    public Organisation get(Principal by, long id) {
        return db.read(tx -> organisations.find(tx, id))
                .orElseThrow(() -> new NotFoundException(OrganisationStore.ENTITY, id));
    }

    /** Ids of the organisation's people, by family name. */
    public List<Long> people(Principal by, long id) {
        return db.read(tx -> persons.idsOfOrganisation(tx, id));
    }

    public Organisation create(Principal by, OrganisationData data) {
        permissions.requireWriteContacts(by);
        OrganisationData d = rules.check(data);
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            long id = organisations.insert(tx, d, now);
            audit.append(tx, by, now, de.kontor.domain.PersonFields.diff(AuditAction.CREATE, OrganisationStore.ENTITY,
                    id, null, java.util.Map.of(), OrganisationFields.of(d)));
            return organisations.find(tx, id).orElseThrow();
        });
    }

    public Organisation update(Principal by, long id, int expectedVersion, OrganisationData data) {
        permissions.requireWriteContacts(by);
        OrganisationData d = rules.check(data);
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            Organisation before = organisations.find(tx, id)
                    .orElseThrow(() -> new NotFoundException(OrganisationStore.ENTITY, id));
            organisations.update(tx, id, expectedVersion, d, now);
            audit.append(tx, by, now, de.kontor.domain.PersonFields.diff(AuditAction.UPDATE, OrganisationStore.ENTITY,
                    id, null, OrganisationFields.of(before.data()), OrganisationFields.of(d)));
            return organisations.find(tx, id).orElseThrow();
        });
    }
}

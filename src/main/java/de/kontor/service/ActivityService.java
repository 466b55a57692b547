package de.kontor.service;

import de.kontor.domain.Activity;
import de.kontor.domain.ActivityData;
import de.kontor.domain.FieldError;
import de.kontor.domain.NotFoundException;
import de.kontor.domain.Principal;
import de.kontor.domain.Text;
import de.kontor.domain.ValidationException;
import de.kontor.domain.audit.AuditAction;
import de.kontor.domain.audit.AuditChange;
import de.kontor.store.ActivityStore;
import de.kontor.store.AuditStore;
import de.kontor.store.Database;
import de.kontor.store.PersonStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Calls, meetings, e-mails, notes and orders on a person. */
public final class ActivityService {
    private final Database db;
    private final ActivityStore activities;
    private final PersonStore persons;
    private final AuditStore audit;
    private final Permissions permissions;
    private final Clock clock;

    public ActivityService(Database db, ActivityStore activities, PersonStore persons, AuditStore audit,
            Permissions permissions, Clock clock) {
        this.db = db;
        this.activities = activities;
        this.persons = persons;
        this.audit = audit;
        this.permissions = permissions;
        this.clock = clock;
    }

    public List<Activity> ofPerson(Principal by, long personId) {
        return db.read(tx -> activities.ofPerson(tx, personId));
    }

    public Activity add(Principal by, long personId, ActivityData data) {
        permissions.requireWriteContacts(by);
        String subject = Text.clean(data.subject());
        String body = Text.clean(data.body());
        List<FieldError> errors = new ArrayList<>();
        if (subject == null) {
            errors.add(FieldError.of("subject", "validation.required"));
        } else if (subject.length() > 300) {
            errors.add(FieldError.of("subject", "validation.tooLong", "300"));
        }
        if (body != null && body.length() > 10000) {
            errors.add(FieldError.of("body", "validation.tooLong", "10000"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        ActivityData d = new ActivityData(data.kind(), data.occurredAt(), subject, body);
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            if (!persons.exists(tx, personId)) {
                throw new NotFoundException(PersonStore.ENTITY, personId);
            }
            long id = activities.insert(tx, personId, d, by.userId(), now);
            if (d.kind() == de.kontor.domain.ActivityKind.ORDER) {
                persons.promoteToCustomer(tx, personId);
            }
            audit.append(tx, by, now, List.of(
                    new AuditChange(AuditAction.CREATE, ActivityStore.ENTITY, id, personId, "kind", null, d.kind().key()),
                    new AuditChange(AuditAction.CREATE, ActivityStore.ENTITY, id, personId, "occurredAt", null,
                            d.occurredAt().toString()),
                    new AuditChange(AuditAction.CREATE, ActivityStore.ENTITY, id, personId, "subject", null, subject),
                    new AuditChange(AuditAction.CREATE, ActivityStore.ENTITY, id, personId, "body", null, body)));
            return activities.find(tx, id).orElseThrow();
        });
    }

    public void delete(Principal by, long id, int expectedVersion) {
        permissions.requireWriteContacts(by);
        Instant now = clock.instant();
        db.inTransaction(tx -> {
            Activity a = activities.find(tx, id).orElseThrow(() -> new NotFoundException(ActivityStore.ENTITY, id));
            activities.delete(tx, id, expectedVersion);
            audit.append(tx, by, now, List.of(new AuditChange(AuditAction.DELETE, ActivityStore.ENTITY, id,
                    a.personId(), "subject", a.data().subject(), null)));
            return null;
        });
    }
}

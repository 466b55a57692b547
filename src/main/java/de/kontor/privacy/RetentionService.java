package de.kontor.privacy;

import de.kontor.domain.FieldError;
import de.kontor.domain.KontorException;
import de.kontor.domain.Principal;
import de.kontor.domain.Text;
import de.kontor.domain.ValidationException;
import de.kontor.domain.audit.AuditAction;
import de.kontor.domain.audit.AuditChange;
import de.kontor.domain.retention.DataCategory;
import de.kontor.domain.retention.DueAction;
import de.kontor.domain.retention.DueItem;
import de.kontor.domain.retention.DueList;
import de.kontor.domain.retention.ItemType;
import de.kontor.domain.retention.RetentionPeriod;
import de.kontor.domain.retention.StartEvent;
import de.kontor.domain.StaleDataException;
import de.kontor.service.Permissions;
import de.kontor.store.AuditStore;
import de.kontor.store.Database;
import de.kontor.store.ErasureStore;
import de.kontor.store.PersonStore;
import de.kontor.store.RestrictionStore;
import de.kontor.store.RetentionStore;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The deletion concept (DIN 66398): the categories with their rules, the due list
 * (Wiedervorlage) and applying it: delete, anonymise, or present for review; postpone with a
 * documented reason.
 */
public final class RetentionService {
    private final Database db;
    private final RetentionStore retention;
    private final ErasureStore erasure;
    private final RestrictionStore restrictions;
    private final AuditStore audit;
    private final ErasureService erasureService;
    private final DueList dueList;
    private final Permissions permissions;
    private final Clock clock;

    public RetentionService(Database db, RetentionStore retention, ErasureStore erasure, RestrictionStore restrictions,
            AuditStore audit, ErasureService erasureService, DueList dueList, Permissions permissions, Clock clock) {
        this.db = db;
        this.retention = retention;
        this.erasure = erasure;
        this.restrictions = restrictions;
        this.audit = audit;
        this.erasureService = erasureService;
        this.dueList = dueList;
        this.permissions = permissions;
        this.clock = clock;
    }

    public List<DataCategory> rules(Principal by) {
        return db.read(retention::categories);
    }

    /** Changes a category's deletion rule. */
    public DataCategory updateRule(Principal by, String key, RetentionPeriod period, StartEvent start, DueAction action,
            boolean fromYearEnd) {
        permissions.requireAdminister(by);
        List<FieldError> errors = new ArrayList<>();
        if (period == null) {
            errors.add(FieldError.of("period", "validation.required"));
        }
        if (start == null) {
            errors.add(FieldError.of("startEvent", "validation.required"));
        }
        if (action == null) {
            errors.add(FieldError.of("action", "validation.required"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        Instant now = clock.instant();
        return db.inTransaction(tx -> {
            DataCategory c = retention.category(tx, key).orElseThrow(() -> new KontorException("retention.unknownCategory", key));
            if (!retention.updateRule(tx, c.id(), c.version(), period, start, action, fromYearEnd, now)) {
                throw new StaleDataException(RetentionStore.ENTITY, c.id());
            }
            audit.append(tx, by, now, List.of(new AuditChange(AuditAction.UPDATE, RetentionStore.ENTITY, c.id(), null,
                    "rule", rule(c.period(), c.startEvent(), c.action(), c.fromYearEnd()),
                    rule(period, start, action, fromYearEnd))));
            return retention.category(tx, key).orElseThrow();
        });
    }

    /**
     * Puts a person into a data category (e.g. prospect to customer) and records when the
     * relationship ended, which starts the clock of relationship-end rules.
     */
    public void assign(Principal by, long personId, String category, LocalDate relationshipEnded) {
        permissions.requireWriteContacts(by);
        Instant now = clock.instant();
        db.inTransaction(tx -> {
            DataCategory c = retention.category(tx, category)
                    .orElseThrow(() -> new KontorException("retention.unknownCategory", category));
            var facts = retention.personFact(tx, personId, clock.getZone())
                    .orElseThrow(() -> new de.kontor.domain.NotFoundException(PersonStore.ENTITY, personId));
            retention.setPersonCategory(tx, personId, c.key(), relationshipEnded);
            audit.append(tx, by, now, List.of(new AuditChange(AuditAction.UPDATE, PersonStore.ENTITY, personId, personId,
                    "category", facts.category() + (facts.relationshipEnded() == null ? "" : " ended " + facts.relationshipEnded()),
                    c.key() + (relationshipEnded == null ? "" : " ended " + relationshipEnded))));
            return null;
        });
    }

    /** The person's data category and when the relationship ended (null while it lasts). */
    public java.util.Optional<de.kontor.domain.retention.RetentionFacts.PersonFact> personFact(Principal by,
            long personId) {
        return db.read(tx -> retention.personFact(tx, personId, clock.getZone()));
    }

    /** The deletion concept as PDF/A for the data-protection file. */
    public byte[] conceptPdf(Principal by, Locale locale) {
        return new de.kontor.report.DeletionConceptPdf().render(rules(by), by.displayName(), clock.instant(),
                clock.getZone(), locale);
    }

    /** Every item with its due date, soonest first. */
    public List<DueItem> schedule(Principal by) {
        return db.read(tx -> dueList.compute(retention.categories(tx), retention.facts(tx, clock.getZone())));
    }

    /** Items due on or before {@code asOf}. */
    public List<DueItem> due(Principal by, LocalDate asOf) {
        return schedule(by).stream().filter(i -> i.dueOn(asOf)).toList();
    }

    /** Postpones one item to a later date with a documented reason. */
    public void postpone(Principal by, ItemType type, long id, LocalDate newDate, String reason) {
        permissions.requirePrivacy(by);
        String r = Text.clean(reason);
        if (r == null) {
            throw new ValidationException(List.of(FieldError.of("reason", "retention.reasonRequired")));
        }
        if (newDate == null || !newDate.isAfter(LocalDate.now(clock))) {
            throw new ValidationException(List.of(FieldError.of("date", "retention.newDateInPast", String.valueOf(newDate))));
        }
        Instant now = clock.instant();
        db.inTransaction(tx -> {
            retention.postpone(tx, type, id, newDate, r, by.userId(), now);
            audit.append(tx, by, now, List.of(new AuditChange(AuditAction.UPDATE, "retention_postponement", id, null,
                    type.key(), null, "due " + newDate + ": " + r)));
            return null;
        });
    }

    /** What applying the due list did (or, dry run, would do), counted per item type and action. */
    public record ApplyResult(LocalDate asOf, boolean dryRun, Map<ItemType, Integer> deleted, int anonymised,
            int restrictedForRetention, List<DueItem> review) {
        public int deletedTotal() {
            return deleted.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /**
     * Deletes or anonymises every item due on {@code asOf}; items to review are listed. People
     * with records under statutory retention are restricted instead, and erased once their last
     * record is due. One transaction, then one compaction.
     */
    public ApplyResult apply(Principal by, LocalDate asOf, boolean dryRun, Locale locale) {
        return apply(by, asOf, dryRun, locale, null);
    }

    /**
     * Like {@link #apply(Principal, LocalDate, boolean, Locale)}, but only for the chosen due
     * items ({@code only}: item keys as {@link DueItem#key()}; null for everything due). Chosen
     * items that are not due on {@code asOf} are left alone.
     */
    public ApplyResult apply(Principal by, LocalDate asOf, boolean dryRun, Locale locale, Set<String> only) {
        permissions.requirePrivacy(by);
        List<DueItem> due = only == null ? due(by, asOf)
                : due(by, asOf).stream().filter(i -> only.contains(i.key())).toList();
        Map<ItemType, Integer> deleted = new EnumMap<>(ItemType.class);
        List<DueItem> review = new ArrayList<>();
        Set<Long> personsGone = new HashSet<>();
        List<DueItem> act = new ArrayList<>();
        for (DueItem i : due) {
            if (i.action() == DueAction.REVIEW) {
                review.add(i);
            } else {
                act.add(i);
            }
        }
        int[] anonymised = {0};
        int[] restricted = {0};
        if (dryRun) {
            for (DueItem i : act) {
                if (i.action() == DueAction.ANONYMISE && i.type() == ItemType.PERSON) {
                    anonymised[0]++;
                } else {
                    deleted.merge(i.type(), 1, Integer::sum);
                }
            }
            return new ApplyResult(asOf, true, deleted, anonymised[0], 0, review);
        }
        Instant now = clock.instant();
        db.inTransaction(tx -> {
            for (DueItem i : act) {
                if (i.type() == ItemType.PERSON) {
                    boolean keptForRetention = restrictions.active(tx, i.itemId()).map(r -> r.retention()).orElse(false);
                    if (keptForRetention) {
                        continue;
                    }
                    if (i.action() == DueAction.ANONYMISE) {
                        erasureService.anonymiseDue(tx, by, i.itemId());
                        anonymised[0]++;
                    } else {
                        ErasureResult r = erasureService.eraseDue(tx, by, i.itemId(), locale);
                        if (ErasureService.RESTRICTED.equals(r.kind())) {
                            restricted[0]++;
                        } else {
                            deleted.merge(ItemType.PERSON, 1, Integer::sum);
                            personsGone.add(i.itemId());
                        }
                    }
                }
            }
            List<Long> activities = ids(act, ItemType.ACTIVITY, personsGone);
            List<Long> consents = ids(act, ItemType.CONSENT, personsGone);
            List<Long> documents = ids(act, ItemType.DOCUMENT, personsGone);
            if (!activities.isEmpty()) {
                erasure.eraseAuditValues(tx, "activity", activities);
                deleted.merge(ItemType.ACTIVITY, erasure.deleteActivities(tx, activities), Integer::sum);
            }
            if (!consents.isEmpty()) {
                erasure.eraseAuditValues(tx, "consent", consents);
                deleted.merge(ItemType.CONSENT, erasure.deleteConsents(tx, consents), Integer::sum);
            }
            if (!documents.isEmpty()) {
                deleted.merge(ItemType.DOCUMENT, erasure.deleteDocuments(tx, documents), Integer::sum);
            }
            // People kept only for statutory retention whose period has ended now go for good.
            for (long id : only != null ? List.<Long>of() : restrictions.endedBefore(tx, asOf.plusDays(1), true)) {
                if (!personsGone.contains(id)) {
                    ErasureResult r = erasureService.eraseDue(tx, by, id, locale);
                    if (ErasureService.ERASED.equals(r.kind())) {
                        deleted.merge(ItemType.PERSON, 1, Integer::sum);
                    }
                }
            }
            audit.append(tx, by, now, List.of(new AuditChange(AuditAction.DELETE, "retention", 0, null, "apply", null,
                    "as of " + asOf + ": " + deleted + ", anonymised " + anonymised[0])));
            return null;
        });
        erasureService.finish();
        return new ApplyResult(asOf, false, deleted, anonymised[0], restricted[0], review);
    }

    private static List<Long> ids(List<DueItem> items, ItemType type, Set<Long> personsGone) {
        return items.stream().filter(i -> i.type() == type && (i.personId() == null || !personsGone.contains(i.personId())))
                .map(DueItem::itemId).toList();
    }

    private static String rule(RetentionPeriod p, StartEvent s, DueAction a, boolean yearEnd) {
        return p.key() + " from " + s.key() + (yearEnd ? " (year end)" : "") + " then " + a.key();
    }
}

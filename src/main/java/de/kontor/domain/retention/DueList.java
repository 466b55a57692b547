package de.kontor.domain.retention;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Computes every item's due date from the deletion concept. Activities without their own
 * category follow their kind: orders are "order", calls, meetings and e-mails
 * "correspondence", notes "note"; consents are "marketing-consent" and count from their
 * withdrawal or expiry; documents without a category follow "correspondence".
 */
public final class DueList {
    public static final String ORDER = "order";
    public static final String CORRESPONDENCE = "correspondence";
    public static final String NOTE = "note";
    public static final String MARKETING_CONSENT = "marketing-consent";

    /** Every item with a computable due date, soonest first. */
    public List<DueItem> compute(List<DataCategory> categories, RetentionFacts facts) {
        Map<String, DataCategory> byKey = categories.stream().collect(Collectors.toMap(DataCategory::key,
                Function.identity()));
        List<DueItem> items = new ArrayList<>();
        for (RetentionFacts.PersonFact p : facts.persons()) {
            DataCategory c = byKey.get(p.category());
            LocalDate start = switch (c.startEvent()) {
                case COLLECTION -> p.collected();
                case PROCESS_END, RELATIONSHIP_END -> p.relationshipEnded() != null ? p.relationshipEnded()
                        : max(p.collected(), p.lastContact());
            };
            add(items, facts, ItemType.PERSON, p.id(), p.id(), c, start);
        }
        for (RetentionFacts.ActivityFact a : facts.activities()) {
            DataCategory c = byKey.get(a.category() != null ? a.category() : categoryOfKind(a.kind()));
            LocalDate start = c.startEvent() == StartEvent.COLLECTION ? a.collected() : a.occurred();
            add(items, facts, ItemType.ACTIVITY, a.id(), a.personId(), c, start);
        }
        DataCategory consentCategory = byKey.get(MARKETING_CONSENT);
        for (RetentionFacts.ConsentFact k : facts.consents()) {
            LocalDate start = consentCategory.startEvent() == StartEvent.COLLECTION ? k.collected() : k.ended();
            if (start != null) {
                add(items, facts, ItemType.CONSENT, k.id(), k.personId(), consentCategory, start);
            }
        }
        for (RetentionFacts.DocumentFact d : facts.documents()) {
            DataCategory c = byKey.get(d.category() != null ? d.category() : CORRESPONDENCE);
            add(items, facts, ItemType.DOCUMENT, d.id(), d.personId(), c, d.collected());
        }
        items.sort(Comparator.comparing(DueItem::due).thenComparing(i -> i.type().ordinal())
                .thenComparingLong(DueItem::itemId));
        return items;
    }

    public static String categoryOfKind(String activityKind) {
        return switch (activityKind) {
            case "order" -> ORDER;
            case "note" -> NOTE;
            default -> CORRESPONDENCE;
        };
    }

    private static void add(List<DueItem> items, RetentionFacts facts, ItemType type, long id, Long personId,
            DataCategory c, LocalDate start) {
        RetentionFacts.Postponement p = facts.postponements().get(RetentionFacts.key(type, id));
        LocalDate due = c.dueDate(start);
        if (p != null && p.dueOn().isAfter(due)) {
            items.add(new DueItem(type, id, personId, c.key(), start, p.dueOn(), c.action(), p.reason()));
        } else {
            items.add(new DueItem(type, id, personId, c.key(), start, due, c.action(), null));
        }
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}

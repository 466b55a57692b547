package de.kontor.domain;

import de.kontor.domain.audit.AuditAction;
import de.kontor.domain.audit.AuditChange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A person's data as named text fields, in a fixed order: what the audit trail records and the
 * history shows. Field names are the import field names.
 */
public final class PersonFields {
    private PersonFields() {}

    public static Map<String, String> of(PersonData d) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("salutation", d.salutation());
        m.put("title", d.title());
        m.put("givenName", emptyToNull(d.givenName()));
        m.put("familyName", emptyToNull(d.familyName()));
        m.put("birthDate", d.birthDate() == null ? null : d.birthDate().toString());
        m.put("language", d.language());
        m.put("organisation", d.organisation());
        m.put("jobTitle", d.jobTitle());
        m.put("email", joined(d.emails().stream().map(e -> e.kind().key() + ":" + e.address()).toList()));
        m.put("phone", joined(d.phones().stream().map(p -> p.kind().key() + ":" + p.raw()).toList()));
        m.put("address", joined(d.addresses().stream().map(a -> a.kind().key() + ":" + a.oneLine()
                + (a.country() == null ? "" : " (" + a.country() + ")")).toList()));
        m.put("tags", joined(d.tags()));
        m.put("notes", d.notes());
        return m;
    }

    /** One audit change per field that differs between {@code before} and {@code after}. */
    public static List<AuditChange> diff(AuditAction action, String entity, long id, Long personId,
            Map<String, String> before, Map<String, String> after) {
        List<AuditChange> changes = new ArrayList<>();
        List<String> keys = new ArrayList<>(before.keySet());
        after.keySet().stream().filter(k -> !before.containsKey(k)).forEach(keys::add);
        for (String k : keys) {
            String o = before.get(k);
            String n = after.get(k);
            if (!Objects.equals(o, n)) {
                changes.add(new AuditChange(action, entity, id, personId, k, o, n));
            }
        }
        return changes;
    }

    public static List<AuditChange> created(String entity, long id, Long personId, Map<String, String> after) {
        return diff(AuditAction.CREATE, entity, id, personId, Map.of(), after);
    }

    /**
     * One audit change holding every field that is set, as "field: value" lines (field name
     * "*"): what a bulk create records, so that an import of 100 000 people stays one entry
     * per person.
     */
    public static AuditChange createdAll(AuditAction action, String entity, long id, Long personId,
            Map<String, String> after) {
        StringBuilder sb = new StringBuilder();
        after.forEach((k, v) -> {
            if (v != null) {
                sb.append(sb.isEmpty() ? "" : "\n").append(k).append(": ").append(v);
            }
        });
        return new AuditChange(action, entity, id, personId, "*", null, sb.toString());
    }

    public static List<AuditChange> deleted(String entity, long id, Long personId, Map<String, String> before) {
        List<AuditChange> changes = diff(AuditAction.DELETE, entity, id, personId, before, Map.of());
        if (changes.isEmpty()) {
            changes.add(new AuditChange(AuditAction.DELETE, entity, id, personId, null, null, null));
        }
        return changes;
    }

    private static String joined(List<String> values) {
        return values.isEmpty() ? null : values.stream().collect(Collectors.joining("; "));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

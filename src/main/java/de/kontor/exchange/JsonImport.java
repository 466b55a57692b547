package de.kontor.exchange;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.kontor.domain.Activity;
import de.kontor.domain.ActivityData;
import de.kontor.domain.ActivityKind;
import de.kontor.domain.ContactKind;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.KontorException;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.Provenance;
import de.kontor.domain.SourceKind;
import de.kontor.domain.privacy.BasisRecord;
import de.kontor.domain.privacy.Consent;
import de.kontor.domain.privacy.ConsentMethod;
import de.kontor.domain.privacy.ConsentStatus;
import de.kontor.domain.privacy.InformationRecord;
import de.kontor.domain.privacy.Keyed;
import de.kontor.domain.privacy.LawfulBasis;
import de.kontor.domain.privacy.Objection;
import de.kontor.domain.request.DocumentInfo;
import de.kontor.domain.request.SubjectData;
import de.kontor.domain.retention.Restriction;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a Kontor JSON export (schema version {@value JsonExport#SCHEMA_VERSION}) back into
 * people with all their records. Refuses, with a message naming the place, a file that is not
 * JSON, not a Kontor export, of another schema version, has duplicate ids or a missing or
 * invalid value. Nothing is written here; see {@link SubjectDataService#importJson}.
 */
public final class JsonImport {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The people of the file and its time of export. */
    public record Parsed(Instant exportedAt, List<SubjectData> people) {}

    /**
     * Reads the file element by element: only one person's JSON tree is in memory at a time, so
     * an export of 100 000 people does not need a tree of the whole file.
     */
    public Parsed parse(byte[] bytes, String fileName) {
        return parse(new java.io.ByteArrayInputStream(bytes), fileName, new ArrayList<>());
    }

    /**
     * As {@link #parse(byte[], String)}, from a stream (left open); {@code lines} receives the
     * line on which each person starts, for messages and the preview.
     */
    Parsed parse(java.io.InputStream in, String fileName, List<Long> lines) {
        List<SubjectData> out = new ArrayList<>();
        Instant exportedAt = stream(in, fileName, out::add, lines);
        return new Parsed(exportedAt, out);
    }

    /**
     * Hands each person of the file to {@code each} as soon as it is read (checked for duplicate
     * ids), so a caller can write people without holding all of them; returns the time of export.
     * A refusal can come after some people were handed over: callers write in one transaction.
     */
    public Instant stream(byte[] bytes, String fileName, java.util.function.Consumer<SubjectData> each) {
        return stream(new java.io.ByteArrayInputStream(bytes), fileName, each, new ArrayList<>());
    }

    /**
     * As {@link #stream(byte[], String, java.util.function.Consumer)}, from a stream, which is
     * read as far as the JSON goes and left open; {@code lines} receives the line on which each
     * person starts.
     */
    public Instant stream(java.io.InputStream in, String fileName, java.util.function.Consumer<SubjectData> each,
            List<Long> lines) {
        Reader r = new Reader(fileName);
        String format = null;
        JsonNode version = null;
        Instant exportedAt = null;
        boolean sawPeople = false;
        Set<Long> ids = new HashSet<>();
        Set<Long> activityIds = new HashSet<>();
        try (JsonParser p = JSON.getFactory().createParser(in)) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE); // the caller hashes the rest of the file
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new KontorException("import.json.notKontor", fileName);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if ("people".equals(name) && t == JsonToken.START_ARRAY) {
                    requireKontor(format, version, fileName);
                    sawPeople = true;
                    int i = 0;
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        lines.add((long) p.currentTokenLocation().getLineNr());
                        JsonNode node = JSON.readTree(p);
                        SubjectData s = r.person(node, "people[" + i++ + "]");
                        if (!ids.add(s.id())) {
                            throw new KontorException("import.json.duplicateId", fileName, s.id());
                        }
                        for (Activity a : s.activities()) {
                            if (!activityIds.add(a.id())) {
                                throw new KontorException("import.json.duplicateActivity", fileName, a.id());
                            }
                        }
                        each.accept(s);
                    }
                } else {
                    JsonNode value = JSON.readTree(p);
                    switch (name) {
                        case "format" -> format = value.isTextual() ? value.asText() : null;
                        case "schemaVersion" -> version = value;
                        case "exportedAt" -> {
                            com.fasterxml.jackson.databind.node.ObjectNode holder = JSON.createObjectNode();
                            holder.set("exportedAt", value);
                            exportedAt = r.instant(holder, "exportedAt", "exportedAt", true);
                        }
                        default -> {
                            // other top-level fields are not part of schema version 1's data
                        }
                    }
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new KontorException("import.json.malformed", fileName,
                        Long.toString(p.currentTokenLocation().getLineNr()));
            }
        } catch (JsonProcessingException e) {
            throw new KontorException(e, "import.json.malformed", fileName,
                    e.getLocation() == null ? "?" : Long.toString(e.getLocation().getLineNr()));
        } catch (IOException e) {
            throw new KontorException(e, "error.io", fileName, e.getMessage());
        }
        requireKontor(format, version, fileName);
        if (exportedAt == null) {
            exportedAt = r.instant(JSON.createObjectNode(), "exportedAt", "exportedAt", true);
        }
        if (!sawPeople) {
            throw new KontorException("import.json.field", fileName, "people", "–");
        }
        return exportedAt;
    }

    private static void requireKontor(String format, JsonNode version, String fileName) {
        if (!JsonExport.FORMAT.equals(format)) {
            throw new KontorException("import.json.notKontor", fileName);
        }
        if (version == null || !version.isInt() || version.asInt() != JsonExport.SCHEMA_VERSION) {
            throw new KontorException("import.json.version", fileName, version == null ? "–" : version.asText(),
                    JsonExport.SCHEMA_VERSION);
        }
    }

    /** Field access with messages that name the place in the file. */
    private static final class Reader {
        private final String file;

        Reader(String file) {
            this.file = file;
        }

        private KontorException bad(String where, JsonNode value) {
            return new KontorException("import.json.field", file, where, value == null ? "–" : value.toString());
        }

        String text(JsonNode o, String field, String where, boolean required) {
            JsonNode v = o.get(field);
            if (v == null || v.isNull()) {
                if (required) {
                    throw bad(where + "." + field, v);
                }
                return null;
            }
            if (!v.isTextual()) {
                throw bad(where + "." + field, v);
            }
            return v.asText();
        }

        long number(JsonNode o, String field, String where) {
            JsonNode v = o.get(field);
            if (v == null || !v.canConvertToLong()) {
                throw bad(where + "." + field, v);
            }
            return v.asLong();
        }

        Instant instant(JsonNode o, String field, String where, boolean required) {
            String s = text(o, field, where, required);
            try {
                return s == null ? null : Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw bad(where + "." + field, o.get(field));
            }
        }

        LocalDate date(JsonNode o, String field, String where, boolean required) {
            String s = text(o, field, where, required);
            try {
                return s == null ? null : LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                throw bad(where + "." + field, o.get(field));
            }
        }

        <T> T key(JsonNode o, String field, String where, Function<String, Optional<T>> lookup, boolean required) {
            String s = text(o, field, where, required);
            if (s == null) {
                return null;
            }
            return lookup.apply(s).orElseThrow(() -> bad(where + "." + field, o.get(field)));
        }

        List<JsonNode> array(JsonNode o, String field, String where) {
            JsonNode v = o.get(field);
            if (v == null || !v.isArray()) {
                throw bad(where + "." + field, v);
            }
            List<JsonNode> l = new ArrayList<>();
            v.forEach(l::add);
            return l;
        }

        SubjectData person(JsonNode p, String where) {
            if (p == null || !p.isObject()) {
                throw bad(where, p);
            }
            long id = number(p, "id", where);
            if (id < 1) {
                throw bad(where + ".id", p.get("id"));
            }
            List<EmailAddress> emails = new ArrayList<>();
            for (JsonNode e : array(p, "emails", where)) {
                emails.add(new EmailAddress(key(e, "kind", where + ".emails", ContactKind::fromKey, true),
                        text(e, "address", where + ".emails", true)));
            }
            List<PhoneNumber> phones = new ArrayList<>();
            for (JsonNode e : array(p, "phones", where)) {
                phones.add(new PhoneNumber(key(e, "kind", where + ".phones", ContactKind::fromKey, true),
                        text(e, "number", where + ".phones", true), text(e, "e164", where + ".phones", false)));
            }
            List<PostalAddress> addresses = new ArrayList<>();
            for (JsonNode a : array(p, "addresses", where)) {
                String w = where + ".addresses";
                addresses.add(new PostalAddress(key(a, "kind", w, ContactKind::fromKey, true), text(a, "street", w, false),
                        text(a, "houseNumber", w, false), text(a, "addressLine2", w, false), text(a, "postcode", w, false),
                        text(a, "city", w, false), text(a, "region", w, false), text(a, "country", w, false)));
            }
            List<String> tags = new ArrayList<>();
            for (JsonNode t : array(p, "tags", where)) {
                if (!t.isTextual()) {
                    throw bad(where + ".tags", t);
                }
                tags.add(t.asText());
            }
            PersonData d = new PersonData(text(p, "salutation", where, false), text(p, "title", where, false),
                    text(p, "givenName", where, true), text(p, "familyName", where, true),
                    date(p, "birthDate", where, false), text(p, "language", where, false),
                    text(p, "organisation", where, false), text(p, "jobTitle", where, false), emails, phones, addresses,
                    tags, text(p, "notes", where, false));
            JsonNode pr = p.get("provenance");
            if (pr == null || !pr.isObject()) {
                throw bad(where + ".provenance", pr);
            }
            String pw = where + ".provenance";
            Provenance provenance = new Provenance(key(pr, "source", pw, SourceKind::fromKey, true),
                    text(pr, "sourceDetail", pw, false), text(pr, "sourceFile", pw, false),
                    text(pr, "sourceRecordId", pw, false), instant(pr, "capturedAt", pw, true),
                    text(pr, "capturedBy", pw, true));
            Person person = new Person(id, (int) number(p, "version", where), d, null, provenance,
                    instant(p, "createdAt", where, true), instant(p, "updatedAt", where, true));
            Restriction restriction = null;
            JsonNode rn = p.get("restriction");
            if (rn != null && !rn.isNull()) {
                String rw = where + ".restriction";
                restriction = new Restriction(0, id, text(rn, "reason", rw, true), instant(rn, "since", rw, true),
                        date(rn, "until", rw, false), rn.path("statutoryRetention").asBoolean(false), null);
            }
            List<BasisRecord> bases = new ArrayList<>();
            for (JsonNode b : array(p, "bases", where)) {
                String bw = where + ".bases";
                bases.add(new BasisRecord(0, id, text(b, "purpose", bw, true),
                        key(b, "basis", bw, k -> Keyed.fromKey(LawfulBasis.class, k), true), date(b, "validFrom", bw, true),
                        date(b, "validUntil", bw, false), text(b, "evidence", bw, false),
                        text(b, "balancingNote", bw, false), instant(b, "recordedAt", bw, true),
                        text(b, "recordedBy", bw, false)));
            }
            List<Consent> consents = new ArrayList<>();
            for (JsonNode c : array(p, "consents", where)) {
                String cw = where + ".consents";
                consents.add(new Consent(0, id, text(c, "purpose", cw, true),
                        key(c, "status", cw, k -> Keyed.fromKey(ConsentStatus.class, k), true),
                        key(c, "method", cw, k -> Keyed.fromKey(ConsentMethod.class, k), true),
                        text(c, "textVersion", cw, true), text(c, "textSha256", cw, false),
                        instant(c, "requestedAt", cw, false), instant(c, "givenAt", cw, false),
                        instant(c, "withdrawnAt", cw, false), instant(c, "expiredAt", cw, false),
                        date(c, "expiresOn", cw, false), text(c, "withdrawalChannel", cw, false), null,
                        text(c, "recordedBy", cw, false), 1));
            }
            List<Objection> objections = new ArrayList<>();
            for (JsonNode o : array(p, "objections", where)) {
                String ow = where + ".objections";
                objections.add(new Objection(0, id, instant(o, "objectedAt", ow, true), text(o, "channel", ow, false),
                        text(o, "recordedBy", ow, false)));
            }
            List<InformationRecord> information = new ArrayList<>();
            for (JsonNode o : array(p, "information", where)) {
                String iw = where + ".information";
                information.add(new InformationRecord(0, id, text(o, "noticeVersion", iw, true), text(o, "how", iw, true),
                        instant(o, "informedAt", iw, true), text(o, "recordedBy", iw, false)));
            }
            List<Activity> activities = new ArrayList<>();
            for (JsonNode a : array(p, "activities", where)) {
                String aw = where + ".activities";
                activities.add(new Activity(number(a, "id", aw), id, 1, new ActivityData(
                        key(a, "kind", aw, ActivityKind::fromKey, true), instant(a, "occurredAt", aw, true),
                        text(a, "subject", aw, false), text(a, "body", aw, false)), text(a, "createdBy", aw, false)));
            }
            List<DocumentInfo> documents = new ArrayList<>();
            for (JsonNode doc : array(p, "documents", where)) {
                String dw = where + ".documents";
                documents.add(new DocumentInfo(number(doc, "id", dw), text(doc, "fileName", dw, true),
                        text(doc, "mediaType", dw, true), number(doc, "byteSize", dw), text(doc, "sha256", dw, true),
                        instant(doc, "createdAt", dw, true), text(doc, "category", dw, false)));
            }
            return new SubjectData(person, text(p, "category", where, false), restriction, List.of(), bases, consents,
                    objections, information, activities, documents, List.of(), List.of());
        }
    }
}

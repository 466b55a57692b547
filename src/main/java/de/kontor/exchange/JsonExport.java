package de.kontor.exchange;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.kontor.domain.Activity;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.Provenance;
import de.kontor.domain.privacy.BasisRecord;
import de.kontor.domain.privacy.Consent;
import de.kontor.domain.privacy.InformationRecord;
import de.kontor.domain.privacy.Objection;
import de.kontor.domain.request.DocumentInfo;
import de.kontor.domain.request.SubjectData;
import de.kontor.domain.retention.Restriction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Kontor's own JSON export (Art. 20), schema version {@value #SCHEMA_VERSION}: the file
 * {@code kontor-export-1.schema.json} beside this class documents every field. Field names are
 * the import field names. Times are ISO-8601 instants in UTC, dates ISO-8601 days; absent
 * values are {@code null}, lists are never absent. People are written one by one, so everyone
 * can be exported without holding the whole file in memory.
 */
public final class JsonExport {
    public static final String FORMAT = "kontor-export";
    public static final int SCHEMA_VERSION = 1;
    public static final String SCHEMA_RESOURCE = "/de/kontor/exchange/kontor-export-1.schema.json";
    public static final String MEDIA_TYPE = "application/json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Writes the people to {@code out} (UTF-8); {@code out} stays open. */
    public void write(List<SubjectData> people, Instant exportedAt, OutputStream out) throws IOException {
        try (JsonGenerator g = JSON.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("schemaVersion", SCHEMA_VERSION);
            g.writeStringField("exportedAt", exportedAt.toString());
            g.writeArrayFieldStart("people");
            for (SubjectData p : people) {
                JSON.writeTree(g, person(p));
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    public byte[] toBytes(List<SubjectData> people, Instant exportedAt) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            write(people, exportedAt, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static ObjectNode person(SubjectData s) {
        Person p = s.person();
        PersonData d = p.data();
        ObjectNode o = JSON.createObjectNode();
        o.put("id", p.id());
        o.put("salutation", d.salutation());
        o.put("title", d.title());
        o.put("givenName", d.givenName());
        o.put("familyName", d.familyName());
        date(o, "birthDate", d.birthDate());
        o.put("language", d.language());
        o.put("organisation", d.organisation());
        o.put("jobTitle", d.jobTitle());
        ArrayNode emails = o.putArray("emails");
        for (EmailAddress e : d.emails()) {
            emails.addObject().put("kind", e.kind().key()).put("address", e.address());
        }
        ArrayNode phones = o.putArray("phones");
        for (PhoneNumber ph : d.phones()) {
            phones.addObject().put("kind", ph.kind().key()).put("number", ph.raw())
                    .put("e164", ph.e164().isEmpty() ? null : ph.e164());
        }
        ArrayNode addresses = o.putArray("addresses");
        for (PostalAddress a : d.addresses()) {
            addresses.addObject().put("kind", a.kind().key()).put("street", a.street()).put("houseNumber", a.houseNumber())
                    .put("addressLine2", a.addressLine2()).put("postcode", a.postcode()).put("city", a.city())
                    .put("region", a.region()).put("country", a.country());
        }
        ArrayNode tags = o.putArray("tags");
        d.tags().forEach(tags::add);
        o.put("notes", d.notes());
        o.put("category", s.category());
        Provenance pr = p.provenance();
        ObjectNode prov = o.putObject("provenance");
        prov.put("source", pr.kind().key());
        prov.put("sourceDetail", pr.detail());
        prov.put("sourceFile", pr.fileName());
        prov.put("sourceRecordId", pr.sourceRecordId());
        instant(prov, "capturedAt", pr.capturedAt());
        prov.put("capturedBy", pr.capturedBy());
        instant(o, "createdAt", p.createdAt());
        instant(o, "updatedAt", p.updatedAt());
        o.put("version", p.version());
        Restriction r = s.restriction();
        if (r == null) {
            o.putNull("restriction");
        } else {
            ObjectNode ro = o.putObject("restriction");
            ro.put("reason", r.reason());
            instant(ro, "since", r.since());
            date(ro, "until", r.until());
            ro.put("statutoryRetention", r.retention());
        }
        ArrayNode bases = o.putArray("bases");
        for (BasisRecord b : s.bases()) {
            ObjectNode bo = bases.addObject();
            bo.put("purpose", b.purposeKey());
            bo.put("basis", b.basis().key());
            bo.put("article", "Art. " + b.basis().article() + " GDPR");
            date(bo, "validFrom", b.validFrom());
            date(bo, "validUntil", b.validUntil());
            bo.put("evidence", b.evidence());
            bo.put("balancingNote", b.balancingNote());
            instant(bo, "recordedAt", b.recordedAt());
            bo.put("recordedBy", b.recordedBy());
        }
        ArrayNode consents = o.putArray("consents");
        for (Consent c : s.consents()) {
            ObjectNode co = consents.addObject();
            co.put("purpose", c.purposeKey());
            co.put("status", c.status().key());
            co.put("method", c.method() == null ? null : c.method().key());
            co.put("textVersion", c.textVersion());
            co.put("textSha256", c.textSha256());
            instant(co, "requestedAt", c.requestedAt());
            instant(co, "givenAt", c.givenAt());
            instant(co, "withdrawnAt", c.withdrawnAt());
            instant(co, "expiredAt", c.expiredAt());
            date(co, "expiresOn", c.expiresOn());
            co.put("withdrawalChannel", c.withdrawalChannel());
            co.put("recordedBy", c.recordedBy());
        }
        ArrayNode objections = o.putArray("objections");
        for (Objection ob : s.objections()) {
            ObjectNode oo = objections.addObject();
            instant(oo, "objectedAt", ob.objectedAt());
            oo.put("channel", ob.channel());
            oo.put("recordedBy", ob.recordedBy());
        }
        ArrayNode information = o.putArray("information");
        for (InformationRecord i : s.information()) {
            ObjectNode io = information.addObject();
            io.put("noticeVersion", i.noticeVersion());
            io.put("how", i.how());
            instant(io, "informedAt", i.informedAt());
            io.put("recordedBy", i.recordedBy());
        }
        ArrayNode activities = o.putArray("activities");
        for (Activity a : s.activities()) {
            ObjectNode ao = activities.addObject();
            ao.put("id", a.id());
            ao.put("kind", a.data().kind().key());
            instant(ao, "occurredAt", a.data().occurredAt());
            ao.put("subject", a.data().subject());
            ao.put("body", a.data().body());
            ao.put("createdBy", a.createdBy());
        }
        ArrayNode documents = o.putArray("documents");
        for (DocumentInfo doc : s.documents()) {
            ObjectNode dn = documents.addObject();
            dn.put("id", doc.id());
            dn.put("fileName", doc.fileName());
            dn.put("mediaType", doc.mediaType());
            dn.put("byteSize", doc.byteSize());
            dn.put("sha256", doc.sha256());
            instant(dn, "createdAt", doc.createdAt());
            dn.put("category", doc.category());
        }
        return o;
    }

    private static void instant(ObjectNode o, String field, Instant value) {
        o.put(field, value == null ? null : value.toString());
    }

    private static void date(ObjectNode o, String field, LocalDate value) {
        o.put(field, value == null ? null : value.toString());
    }
}

package de.kontor.report;

import de.kontor.domain.Activity;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.Provenance;
import de.kontor.domain.Text;
import de.kontor.domain.audit.AuditEntry;
import de.kontor.domain.privacy.BasisRecord;
import de.kontor.domain.privacy.Consent;
import de.kontor.domain.privacy.ConsentText;
import de.kontor.domain.privacy.InformationRecord;
import de.kontor.domain.privacy.Objection;
import de.kontor.domain.privacy.ProcessingDecision;
import de.kontor.domain.privacy.Purpose;
import de.kontor.domain.request.ControllerDetails;
import de.kontor.domain.request.DocumentInfo;
import de.kontor.domain.request.SubjectData;
import de.kontor.domain.request.SubjectRequest;
import de.kontor.domain.retention.DataCategory;
import de.kontor.domain.retention.Restriction;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;

/**
 * The letter answering an access request (Art. 15 GDPR) in the person's language: controller
 * and data-protection contact, date and request reference, every item of Art. 15(1)(a)-(h) and
 * (2), and the copy of the data (3) in readable form. Archival and accessible: PDF/A-3b with
 * the person's JSON export embedded as an associated file, tagged for PDF/UA-1, page numbers.
 */
public final class AccessReport {
    /** Everything the letter shows; {@code request} may be null. */
    public record Input(SubjectData data, List<Purpose> purposes, List<ConsentText> consentTexts,
            List<DataCategory> categories, ControllerDetails controller, SubjectRequest request, byte[] json,
            String jsonFileName, Instant at, ZoneId zone, Locale locale) {}

    /** The language of the letter: German for people whose language is German, else English. */
    public static Locale languageOf(Person person) {
        String l = person.data().language();
        return l != null && l.toLowerCase(Locale.ROOT).startsWith("de") ? Locale.GERMAN : Locale.ENGLISH;
    }

    public byte[] render(Input in) {
        Locale locale = in.locale();
        ResourceBundle b = ResourceBundle.getBundle("de.kontor.i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Texts t = new Texts(b, locale, in.zone());
        SubjectData s = in.data();
        Person person = s.person();
        PersonData d = person.data();
        String title = t.get("access.title", person.displayName());
        try (PdfDocument pdf = new PdfDocument(title, in.at(), locale, 3)) {
            pdf.footer(t.get("access.page"));
            letterHead(pdf, t, in, person);
            pdf.heading(title);
            pdf.paragraph(t.get("access.intro"));
            Map<String, Purpose> purposes = new LinkedHashMap<>();
            in.purposes().forEach(p -> purposes.put(p.key(), p));
            Set<String> concerned = concernedPurposes(s);

            pdf.subheading(t.get("access.h.purposes"));
            List<List<String>> rows = new ArrayList<>();
            for (String key : concerned) {
                Purpose p = purposes.get(key);
                ProcessingDecision dec = s.decisions().stream().filter(x -> x.purposeKey().equals(key)).findFirst()
                        .orElse(null);
                String basis = dec != null && dec.basis() != null ? t.basis(dec.basis())
                        : s.bases().stream().filter(x -> x.purposeKey().equals(key)).reduce((a, c) -> c)
                                .map(t::basis).orElse("–");
                String status = dec != null && dec.allowed() ? t.get("access.purpose.allowed")
                        : t.get("access.purpose.notAllowed");
                rows.add(cells(p == null ? key : p.name(locale), p == null ? "" : Text.join("", p.description(locale)),
                        basis, status));
            }
            if (rows.isEmpty()) {
                pdf.paragraph(t.get("access.none"));
            } else {
                pdf.table(List.of(t.get("access.col.purpose"), t.get("access.col.description"),
                        t.get("access.col.basis"), t.get("access.col.today")), new float[] {2, 4, 2, 1.5f}, rows);
            }

            pdf.subheading(t.get("access.h.categories"));
            pdf.paragraph(String.join(", ", categoriesOf(s, t, purposes, concerned)));

            pdf.subheading(t.get("access.h.recipients"));
            Set<String> recipients = new LinkedHashSet<>();
            for (String key : concerned) {
                Purpose p = purposes.get(key);
                if (p != null && p.data().recipients() != null) {
                    for (String r : p.data().recipients().split(";")) {
                        if (!r.isBlank()) {
                            recipients.add(r.strip());
                        }
                    }
                }
            }
            pdf.paragraph(recipients.isEmpty() ? t.get("access.recipients.none") : String.join(", ", recipients));

            pdf.subheading(t.get("access.h.storage"));
            pdf.paragraph(t.get("access.storage.intro"));
            List<List<String>> rules = new ArrayList<>();
            Set<String> used = usedCategories(s);
            for (DataCategory c : in.categories()) {
                if (used.contains(c.key())) {
                    rules.add(cells(c.name(locale), t.get("concept.period." + c.period().key()),
                            t.get("concept.start." + c.startEvent().key())
                                    + (c.fromYearEnd() ? " " + t.get("concept.yearEnd") : ""),
                            c.statutory() == null ? "–" : c.statutory()));
                }
            }
            pdf.table(List.of(t.get("access.col.category"), t.get("concept.period"), t.get("concept.start"),
                    t.get("concept.statutory")), new float[] {2.5f, 1.5f, 3, 2}, rules);

            pdf.subheading(t.get("access.h.rights"));
            pdf.paragraph(t.get("access.rights"));

            pdf.subheading(t.get("access.h.complaint"));
            ControllerDetails c = in.controller();
            pdf.paragraph(c.authority() == null ? t.get("access.complaint.generic")
                    : t.get("access.complaint", c.authority()));

            pdf.subheading(t.get("access.h.source"));
            Provenance pr = person.provenance();
            pdf.row(t.get("access.source.kind"), t.get("access.source." + pr.kind().key()));
            pdf.row(t.get("access.source.detail"), Text.join(", ", pr.detail(), pr.fileName()));
            pdf.row(t.get("access.source.captured"), t.dateTime(pr.capturedAt()));

            pdf.subheading(t.get("access.h.automated"));
            pdf.paragraph(t.get("access.automated"));

            pdf.subheading(t.get("access.h.transfers"));
            List<String> transfers = new ArrayList<>();
            for (String key : concerned) {
                Purpose p = purposes.get(key);
                if (p != null && p.data().thirdCountry() != null && !p.data().thirdCountry().isBlank()) {
                    transfers.add(p.name(locale) + ": " + p.data().thirdCountry());
                }
            }
            pdf.paragraph(transfers.isEmpty() ? t.get("access.transfers.none") : String.join("\n", transfers));

            pdf.subheading(t.get("access.h.copy"));
            pdf.paragraph(t.get("access.copy.intro", in.jsonFileName()));
            copy(pdf, t, in, s, d, purposes);

            pdf.space(8);
            pdf.paragraph(t.get("access.closing"));
            pdf.paragraph(c.name() == null ? "" : c.name());
            pdf.attach(in.jsonFileName(), "application/json", t.get("access.attachment"), in.json());
            return pdf.toBytes();
        }
    }

    private static void letterHead(PdfDocument pdf, Texts t, Input in, Person person) {
        ControllerDetails c = in.controller();
        pdf.row(t.get("access.controller"), Text.join(", ", c.name(), c.address()));
        pdf.row(t.get("access.controllerEmail"), c.email());
        pdf.row(t.get("access.dpo"), c.dpo());
        pdf.row(t.get("access.to"), Text.join(", ", person.displayName(),
                person.data().addresses().isEmpty() ? null : person.data().addresses().get(0).oneLine()));
        pdf.row(t.get("access.date"), t.date(LocalDate.ofInstant(in.at(), in.zone())));
        SubjectRequest r = in.request();
        pdf.row(t.get("access.reference"), r == null ? t.get("access.reference.none")
                : t.get("access.reference.request", Long.toString(r.id()), t.date(r.receivedOn())));
    }

    private static Set<String> concernedPurposes(SubjectData s) {
        Set<String> keys = new LinkedHashSet<>();
        s.decisions().stream().filter(ProcessingDecision::allowed).forEach(x -> keys.add(x.purposeKey()));
        s.bases().forEach(x -> keys.add(x.purposeKey()));
        s.consents().forEach(x -> keys.add(x.purposeKey()));
        return keys;
    }

    private static Set<String> usedCategories(SubjectData s) {
        Set<String> used = new LinkedHashSet<>();
        if (s.category() != null) {
            used.add(s.category());
        }
        if (!s.consents().isEmpty()) {
            used.add("marketing-consent");
        }
        for (Activity a : s.activities()) {
            switch (a.data().kind()) {
                case ORDER -> used.add("order");
                case NOTE -> used.add("note");
                default -> used.add("correspondence");
            }
        }
        s.documents().stream().map(DocumentInfo::category).filter(x -> x != null).forEach(used::add);
        return used;
    }

    private static List<String> categoriesOf(SubjectData s, Texts t, Map<String, Purpose> purposes, Set<String> concerned) {
        PersonData d = s.person().data();
        Set<String> out = new LinkedHashSet<>();
        out.add(t.get("access.cat.name"));
        if (d.organisation() != null || d.jobTitle() != null) {
            out.add(t.get("access.cat.work"));
        }
        if (!d.emails().isEmpty() || !d.phones().isEmpty()) {
            out.add(t.get("access.cat.contact"));
        }
        if (!d.addresses().isEmpty()) {
            out.add(t.get("access.cat.address"));
        }
        if (d.birthDate() != null) {
            out.add(t.get("access.cat.birthDate"));
        }
        if (d.notes() != null || !d.tags().isEmpty()) {
            out.add(t.get("access.cat.notes"));
        }
        if (!s.consents().isEmpty() || !s.bases().isEmpty() || !s.objections().isEmpty()) {
            out.add(t.get("access.cat.consent"));
        }
        if (!s.activities().isEmpty()) {
            out.add(t.get("access.cat.activities"));
        }
        if (!s.documents().isEmpty()) {
            out.add(t.get("access.cat.documents"));
        }
        out.add(t.get("access.cat.audit"));
        for (String key : concerned) {
            Purpose p = purposes.get(key);
            if (p != null && p.data().dataCategories() != null) {
                for (String c : p.data().dataCategories().split(";")) {
                    if (!c.isBlank()) {
                        out.add(c.strip());
                    }
                }
            }
        }
        return new ArrayList<>(out);
    }

    private static void copy(PdfDocument pdf, Texts t, Input in, SubjectData s, PersonData d,
            Map<String, Purpose> purposes) {
        Person p = s.person();
        pdf.subsubheading(t.get("access.copy.master"));
        pdf.row(t.get("access.f.id"), Long.toString(p.id()));
        pdf.row(t.get("access.f.salutation"), d.salutation());
        pdf.row(t.get("access.f.title"), d.title());
        pdf.row(t.get("access.f.givenName"), d.givenName());
        pdf.row(t.get("access.f.familyName"), d.familyName());
        pdf.row(t.get("access.f.birthDate"), d.birthDate() == null ? null : t.date(d.birthDate()));
        pdf.row(t.get("access.f.language"), d.language());
        pdf.row(t.get("access.f.organisation"), d.organisation());
        pdf.row(t.get("access.f.jobTitle"), d.jobTitle());
        pdf.row(t.get("access.f.tags"), String.join(", ", d.tags()));
        pdf.row(t.get("access.f.notes"), d.notes());
        pdf.row(t.get("access.f.created"), t.dateTime(p.createdAt()));
        pdf.row(t.get("access.f.updated"), t.dateTime(p.updatedAt()));
        Restriction r = s.restriction();
        pdf.row(t.get("access.f.restriction"), r == null ? t.get("access.no")
                : t.get("access.restricted", r.reason(), t.dateTime(r.since()), r.until() == null ? "–" : t.date(r.until())));

        pdf.subsubheading(t.get("access.copy.contact"));
        List<List<String>> contacts = new ArrayList<>();
        for (EmailAddress e : d.emails()) {
            contacts.add(cells(t.get("access.f.email"), t.kind(e.kind().key()), e.address()));
        }
        for (PhoneNumber ph : d.phones()) {
            contacts.add(cells(t.get("access.f.phone"), t.kind(ph.kind().key()), ph.raw()));
        }
        for (PostalAddress a : d.addresses()) {
            contacts.add(cells(t.get("access.f.address"), t.kind(a.kind().key()),
                    Text.join(", ", a.oneLine(), a.addressLine2(), a.region(), a.country())));
        }
        table(pdf, t, List.of(t.get("access.col.type"), t.get("access.col.kind"), t.get("access.col.value")),
                new float[] {1.5f, 1.5f, 5}, contacts);

        pdf.subsubheading(t.get("access.copy.consents"));
        List<List<String>> consents = new ArrayList<>();
        for (Consent c : s.consents()) {
            consents.add(cells(purposeName(purposes, c.purposeKey(), t.locale), t.enumText("access.consent.", c.status().key()),
                    c.method() == null ? "–" : t.enumText("access.method.", c.method().key()),
                    c.textVersion() == null ? "–" : c.textVersion(), t.dateTime(c.requestedAt()), t.dateTime(c.givenAt()),
                    c.withdrawnAt() != null ? t.dateTime(c.withdrawnAt()) : t.dateTime(c.expiredAt())));
        }
        table(pdf, t, List.of(t.get("access.col.purpose"), t.get("access.col.status"), t.get("access.col.method"),
                t.get("access.col.textVersion"), t.get("access.col.requested"), t.get("access.col.given"),
                t.get("access.col.ended")), new float[] {2, 1.3f, 1.3f, 1, 1.6f, 1.6f, 1.6f}, consents);
        Set<String> shown = new LinkedHashSet<>();
        for (Consent c : s.consents()) {
            if (c.textVersion() == null || !shown.add(c.purposeKey() + "@" + c.textVersion())) {
                continue;
            }
            in.consentTexts().stream().filter(x -> x.purposeKey().equals(c.purposeKey())
                    && x.version().equals(c.textVersion())).findFirst().ifPresent(x -> {
                        pdf.paragraph(t.get("access.consentText", purposeName(purposes, x.purposeKey(), t.locale),
                                x.version(), x.sha256()));
                        pdf.paragraph("„" + x.body() + "“");
                    });
        }
        for (Objection o : s.objections()) {
            pdf.paragraph(t.get("access.objection", t.dateTime(o.objectedAt()), o.channel() == null ? "–" : o.channel()));
        }
        for (InformationRecord i : s.information()) {
            pdf.paragraph(t.get("access.informed", t.dateTime(i.informedAt()), i.how() == null ? "–" : i.how(),
                    i.noticeVersion() == null ? "–" : i.noticeVersion()));
        }

        pdf.subsubheading(t.get("access.copy.bases"));
        List<List<String>> bases = new ArrayList<>();
        for (BasisRecord br : s.bases()) {
            bases.add(cells(purposeName(purposes, br.purposeKey(), t.locale), t.basis(br), t.date(br.validFrom()),
                    br.validUntil() == null ? "–" : t.date(br.validUntil()),
                    Text.join("; ", br.evidence(), br.balancingNote()) == null ? "–"
                            : Text.join("; ", br.evidence(), br.balancingNote())));
        }
        table(pdf, t, List.of(t.get("access.col.purpose"), t.get("access.col.basis"), t.get("access.col.from"),
                t.get("access.col.until"), t.get("access.col.evidence")), new float[] {2, 2.2f, 1.3f, 1.3f, 3}, bases);

        pdf.subsubheading(t.get("access.copy.activities"));
        List<List<String>> acts = new ArrayList<>();
        for (Activity a : s.activities()) {
            acts.add(cells(t.dateTime(a.data().occurredAt()), t.enumText("access.activity.", a.data().kind().key()),
                    a.data().subject() == null ? "–" : a.data().subject(), a.data().body() == null ? "–" : a.data().body()));
        }
        table(pdf, t, List.of(t.get("access.col.when"), t.get("access.col.kind"), t.get("access.col.subject"),
                t.get("access.col.text")), new float[] {1.6f, 1.1f, 2.5f, 4}, acts);

        pdf.subsubheading(t.get("access.copy.documents"));
        List<List<String>> docs = new ArrayList<>();
        for (DocumentInfo doc : s.documents()) {
            docs.add(cells(doc.fileName(), doc.mediaType(), Long.toString(doc.byteSize()), t.dateTime(doc.createdAt()),
                    doc.sha256()));
        }
        table(pdf, t, List.of(t.get("access.col.file"), t.get("access.col.mediaType"), t.get("access.col.bytes"),
                t.get("access.col.stored"), "SHA-256"), new float[] {2.5f, 1.5f, 1, 1.6f, 3.5f}, docs);

        pdf.subsubheading(t.get("access.copy.audit"));
        pdf.paragraph(t.get("access.audit.intro"));
        List<List<String>> audit = new ArrayList<>();
        // one row per change of one record (e.g. an activity created with four fields), not per field
        List<AuditEntry> entries = s.audit();
        for (int i = 0; i < entries.size(); ) {
            AuditEntry e = entries.get(i);
            StringBuilder changes = new StringBuilder();
            int j = i;
            for (; j < entries.size() && sameChange(e, entries.get(j)); j++) {
                AuditEntry f = entries.get(j);
                String change = f.valuesErased() ? t.get("access.audit.erased")
                        : Text.join(" → ", f.oldValue(), f.newValue());
                String line = Text.join(": ", f.field(), change);
                if (line != null) {
                    changes.append(changes.isEmpty() ? "" : "\n").append(line);
                }
            }
            audit.add(cells(t.dateTime(e.at()), e.actorName(), t.enumText("access.audit.", e.action().name()),
                    t.entity(e.entityType()) + " " + e.entityId(), changes.isEmpty() ? "–" : changes.toString()));
            i = j;
        }
        table(pdf, t, List.of(t.get("access.col.when"), t.get("access.col.user"), t.get("access.col.action"),
                t.get("access.col.record"), t.get("access.col.change")), new float[] {1.6f, 1.2f, 1.3f, 1.7f, 4}, audit);

        if (!s.requests().isEmpty()) {
            pdf.subsubheading(t.get("access.copy.requests"));
            List<List<String>> reqs = new ArrayList<>();
            for (SubjectRequest rq : s.requests()) {
                reqs.add(cells(Long.toString(rq.id()), t.get("request.type." + rq.type().key()), t.date(rq.receivedOn()),
                        t.date(rq.deadline()), t.get("request.status." + rq.status().key())));
            }
            table(pdf, t, List.of(t.get("access.col.reference"), t.get("access.col.type"), t.get("access.col.received"),
                    t.get("access.col.due"), t.get("access.col.status")), new float[] {1, 2, 1.5f, 1.5f, 1.5f}, reqs);
        }
    }

    private static void table(PdfDocument pdf, Texts t, List<String> headers, float[] widths, List<List<String>> rows) {
        if (rows.isEmpty()) {
            pdf.paragraph(t.get("access.none"));
        } else {
            pdf.table(headers, widths, rows);
        }
    }

    /** A table row; absent values are shown as a dash. */
    private static List<String> cells(String... values) {
        List<String> out = new ArrayList<>(values.length);
        for (String v : values) {
            out.add(v == null || v.isBlank() ? "–" : v);
        }
        return out;
    }

    private static String purposeName(Map<String, Purpose> purposes, String key, Locale locale) {
        Purpose p = purposes.get(key);
        return p == null ? key : p.name(locale);
    }

    /** Bundle texts and date formats of the letter's language. */
    private static final class Texts {
        private final ResourceBundle bundle;
        private final Locale locale;
        private final ZoneId zone;
        private final DateTimeFormatter date;
        private final DateTimeFormatter dateTime;

        Texts(ResourceBundle bundle, Locale locale, ZoneId zone) {
            this.bundle = bundle;
            this.locale = locale;
            this.zone = zone;
            this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
            this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
        }

        String get(String key, Object... args) {
            String pattern = bundle.getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        }

        String enumText(String prefix, String key) {
            try {
                return bundle.getString(prefix + key);
            } catch (MissingResourceException e) {
                return key;
            }
        }

        String kind(String key) {
            return enumText("access.kind.", key);
        }

        String entity(String type) {
            return enumText("access.entity.", type);
        }

        String basis(BasisRecord b) {
            return enumText("access.basis.", b.basis().key()) + " (Art. " + b.basis().article() + ")";
        }

        String date(LocalDate d) {
            return date.format(d);
        }

        String dateTime(Instant i) {
            return i == null ? "–" : dateTime.format(i.atZone(zone));
        }
    }

    /** Whether two audit entries belong to the same change of the same record. */
    private static boolean sameChange(AuditEntry a, AuditEntry b) {
        return a.at().equals(b.at()) && a.actorId() == b.actorId() && a.action() == b.action()
                && a.entityId() == b.entityId() && java.util.Objects.equals(a.entityType(), b.entityType());
    }
}

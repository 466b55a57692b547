package de.kontor.exchange;

import de.kontor.domain.EmailAddress;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.request.SubjectData;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;

/**
 * People as CSV: UTF-8 with byte-order mark (so Excel detects the encoding), comma or semicolon
 * (German Excel), one row per person. Column names are the import field names; several e-mail
 * addresses or phone numbers are joined with "; ", the address columns hold the first address.
 * Cells are written through {@link SafeCsv} (no formula injection).
 */
public final class CsvExport {
    public static final List<String> COLUMNS = List.of("id", "salutation", "title", "givenName", "familyName",
            "birthDate", "language", "organisation", "jobTitle", "email", "phone", "street", "houseNumber",
            "addressLine2", "postcode", "city", "region", "country", "tags", "notes", "category", "source",
            "sourceDetail", "capturedAt", "createdAt", "updatedAt");

    public void write(List<SubjectData> people, char delimiter, OutputStream out) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        SafeCsv csv = new SafeCsv(w, CSVFormat.DEFAULT.builder().setDelimiter(delimiter)
                .setRecordSeparator("\r\n").setHeader(COLUMNS.toArray(String[]::new)).get());
        for (SubjectData s : people) {
            csv.record(row(s));
        }
        csv.flush();
        w.flush();
    }

    private static List<String> row(SubjectData s) {
        PersonData d = s.person().data();
        PostalAddress a = d.addresses().isEmpty() ? null : d.addresses().get(0);
        List<String> r = new ArrayList<>(COLUMNS.size());
        r.add(Long.toString(s.id()));
        r.add(d.salutation());
        r.add(d.title());
        r.add(d.givenName());
        r.add(d.familyName());
        r.add(d.birthDate() == null ? null : d.birthDate().toString());
        r.add(d.language());
        r.add(d.organisation());
        r.add(d.jobTitle());
        r.add(d.emails().stream().map(EmailAddress::address).collect(Collectors.joining("; ")));
        r.add(d.phones().stream().map(PhoneNumber::raw).collect(Collectors.joining("; ")));
        r.add(a == null ? null : a.street());
        r.add(a == null ? null : a.houseNumber());
        r.add(a == null ? null : a.addressLine2());
        r.add(a == null ? null : a.postcode());
        r.add(a == null ? null : a.city());
        r.add(a == null ? null : a.region());
        r.add(a == null ? null : a.country());
        r.add(String.join("; ", d.tags()));
        r.add(d.notes());
        r.add(s.category());
        r.add(s.person().provenance().kind().key());
        r.add(s.person().provenance().detail());
        r.add(s.person().provenance().capturedAt().toString());
        r.add(s.person().createdAt().toString());
        r.add(s.person().updatedAt().toString());
        return r;
    }
}

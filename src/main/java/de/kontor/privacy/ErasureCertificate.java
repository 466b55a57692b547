package de.kontor.privacy;

import de.kontor.domain.Principal;
import de.kontor.report.PdfDocument;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The erasure certificate (Löschprotokoll): which categories were erased, when, by whom, for
 * which request, what was kept under statutory retention until when; never personal data.
 */
public final class ErasureCertificate {
    private final ZoneId zone;

    public ErasureCertificate(ZoneId zone) {
        this.zone = zone;
    }

    byte[] render(Locale locale, long journalId, long personId, String kind, Instant at, Principal by, Long requestId,
            Map<String, Integer> counts, List<ErasureResult.Retained> retained) {
        ResourceBundle b = ResourceBundle.getBundle("de.kontor.i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        DateTimeFormatter dt = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
        DateTimeFormatter d = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        try (PdfDocument pdf = new PdfDocument(b.getString("certificate.title"), at)) {
            pdf.heading(b.getString("certificate.title"));
            pdf.paragraph(b.getString("certificate.intro"));
            pdf.space(8);
            pdf.row(b.getString("certificate.journal"), Long.toString(journalId));
            pdf.row(b.getString("certificate.record"), Long.toString(personId));
            pdf.row(b.getString("certificate.kind"), b.getString("certificate.kind." + kind));
            pdf.row(b.getString("certificate.at"), dt.format(at));
            pdf.row(b.getString("certificate.by"), by.displayName() + " (" + by.role().name().toLowerCase(Locale.ROOT) + ")");
            pdf.row(b.getString("certificate.request"), requestId == null ? null : Long.toString(requestId));
            pdf.subheading(b.getString("certificate.erased"));
            for (Map.Entry<String, Integer> e : counts.entrySet()) {
                pdf.row(label(b, e.getKey()), Integer.toString(e.getValue()));
            }
            pdf.row(b.getString("certificate.category.audit"), b.getString("certificate.auditValues"));
            if (!retained.isEmpty()) {
                pdf.subheading(b.getString("certificate.retained"));
                for (ErasureResult.Retained r : retained) {
                    pdf.row(label(b, r.category()) + " #" + r.id(), MessageFormat.format(b.getString("certificate.until"),
                            d.format(r.until()), r.statutory()));
                }
            }
            pdf.space(12);
            pdf.small(b.getString("certificate.footer"));
            return pdf.toBytes();
        }
    }

    private static String label(ResourceBundle b, String key) {
        String k = "certificate.category." + key;
        return b.containsKey(k) ? b.getString(k) : key;
    }
}

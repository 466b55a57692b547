package de.kontor.report;

import de.kontor.domain.privacy.Purpose;
import de.kontor.domain.request.ControllerDetails;
import de.kontor.domain.retention.DataCategory;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The records of processing activities (Verzeichnis von Verarbeitungstätigkeiten, Art. 30(1)
 * GDPR) for the data-protection file, generated from the purpose catalogue and the deletion
 * concept: controller, each purpose with its lawful basis, categories of people and data,
 * recipients, third-country transfers, deletion periods, and the technical and organisational
 * security measures. PDF/A-3b and PDF/UA-1.
 */
public final class RopaReport {
    public byte[] render(List<Purpose> purposes, List<DataCategory> categories, ControllerDetails controller,
            Instant at, ZoneId zone, Locale locale) {
        ResourceBundle b = ResourceBundle.getBundle("de.kontor.i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String title = b.getString("ropa.title");
        try (PdfDocument pdf = new PdfDocument(title, at, locale, 3)) {
            pdf.footer(b.getString("access.page"));
            pdf.heading(title);
            pdf.paragraph(MessageFormat.format(b.getString("ropa.intro"),
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(at.atZone(zone))));
            pdf.subheading(b.getString("ropa.h.controller"));
            pdf.row(b.getString("access.controller"), join(controller.name(), controller.address()));
            pdf.row(b.getString("access.controllerEmail"), controller.email());
            pdf.row(b.getString("access.dpo"), controller.dpo());
            pdf.row(b.getString("cli.controller.authority"), controller.authority());

            pdf.subheading(b.getString("ropa.h.activities"));
            for (Purpose p : purposes) {
                if (p.retired()) {
                    continue;
                }
                pdf.subsubheading(p.name(locale));
                pdf.row(b.getString("ropa.purpose"), p.description(locale));
                pdf.row(b.getString("access.col.basis"), b.getString("access.basis." + p.data().defaultBasis().key())
                        + " (Art. " + p.data().defaultBasis().article() + ")");
                pdf.row(b.getString("ropa.subjects"), b.getString(p.marketing() ? "ropa.subjects.marketing"
                        : "ropa.subjects.default"));
                pdf.row(b.getString("ropa.data"), list(p.data().dataCategories()));
                pdf.row(b.getString("ropa.recipients"), p.data().recipients() == null ? b.getString("ropa.none")
                        : list(p.data().recipients()));
                pdf.row(b.getString("ropa.transfers"), p.data().thirdCountry() == null || p.data().thirdCountry().isBlank()
                        ? b.getString("ropa.transfers.none") : p.data().thirdCountry());
                if (p.data().notes() != null) {
                    pdf.row(b.getString("ropa.notes"), p.data().notes());
                }
            }

            pdf.subheading(b.getString("ropa.h.deletion"));
            List<List<String>> rows = new ArrayList<>();
            for (DataCategory c : categories) {
                rows.add(List.of(c.name(locale), b.getString("concept.period." + c.period().key()),
                        b.getString("concept.start." + c.startEvent().key())
                                + (c.fromYearEnd() ? " " + b.getString("concept.yearEnd") : ""),
                        b.getString("concept.action." + c.action().key()),
                        c.statutory() == null ? "–" : c.statutory()));
            }
            pdf.table(List.of(b.getString("access.col.category"), b.getString("concept.period"),
                    b.getString("concept.start"), b.getString("concept.action"), b.getString("concept.statutory")),
                    new float[] {2.2f, 1.2f, 2.6f, 1.3f, 2}, rows);

            pdf.subheading(b.getString("ropa.h.security"));
            pdf.paragraph(b.getString("ropa.security"));
            return pdf.toBytes();
        }
    }

    private static String join(String a, String b) {
        String s = de.kontor.domain.Text.join(", ", a, b);
        return s.isEmpty() ? null : s;
    }

    private static String list(String semicolonSeparated) {
        return semicolonSeparated == null ? null : String.join(", ", semicolonSeparated.split("\\s*;\\s*"));
    }
}

package de.kontor.report;

import de.kontor.domain.retention.DataCategory;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/** The deletion concept (Löschkonzept, DIN 66398) as a PDF/A for the data-protection file. */
public final class DeletionConceptPdf {
    public byte[] render(List<DataCategory> categories, String owner, Instant at, ZoneId zone, Locale locale) {
        ResourceBundle b = ResourceBundle.getBundle("de.kontor.i18n.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String title = b.getString("concept.title");
        try (PdfDocument pdf = new PdfDocument(title, at)) {
            pdf.heading(title);
            pdf.paragraph(MessageFormat.format(b.getString("concept.intro"), owner,
                    DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(at.atZone(zone))));
            for (DataCategory c : categories) {
                pdf.subheading(c.name(locale));
                String description = "de".equals(locale.getLanguage()) ? c.descriptionDe() : c.descriptionEn();
                if (description != null) {
                    pdf.paragraph(description);
                }
                pdf.row(b.getString("concept.period"), b.getString("concept.period." + c.period().key()));
                pdf.row(b.getString("concept.start"), b.getString("concept.start." + c.startEvent().key())
                        + (c.fromYearEnd() ? " " + b.getString("concept.yearEnd") : ""));
                pdf.row(b.getString("concept.action"), b.getString("concept.action." + c.action().key()));
                pdf.row(b.getString("concept.statutory"), c.statutory());
            }
            pdf.space(10);
            pdf.small(b.getString("concept.footer"));
            return pdf.toBytes();
        }
    }
}

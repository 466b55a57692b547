package de.kontor.report;

import de.kontor.domain.KontorException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * A simple flowing A4 document written with PDFBox as archival PDF/A-2b: embedded font, sRGB
 * output intent, XMP metadata matching the document information. Headings, paragraphs with
 * word wrap, label/value rows; new pages as needed.
 */
public final class PdfDocument implements AutoCloseable {
    private static final String FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final float MARGIN = 56;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument doc = new PDDocument();
    private final PDType0Font font;
    private final String title;
    private final Instant created;
    private PDPageContentStream out;
    private float y;

    public PdfDocument(String title, Instant created) {
        this.title = title;
        this.created = created;
        try (InputStream in = PdfDocument.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("font missing: " + FONT);
            }
            font = PDType0Font.load(doc, in, true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        newPage();
    }

    public PdfDocument heading(String text) {
        space(10);
        return write(text, 16, 22);
    }

    public PdfDocument subheading(String text) {
        space(6);
        return write(text, 12.5f, 17);
    }

    public PdfDocument paragraph(String text) {
        return write(text, 10, 13.5f);
    }

    public PdfDocument small(String text) {
        return write(text, 8, 10.5f);
    }

    /** "Label: value" with the value wrapped beside the label column. */
    public PdfDocument row(String label, String value) {
        float labelWidth = 150;
        List<String> lines = wrap(value == null || value.isBlank() ? "–" : value, 10, WIDTH - labelWidth);
        for (int i = 0; i < lines.size(); i++) {
            ensure(13.5f);
            text(i == 0 ? label : "", 10, MARGIN, y);
            text(lines.get(i), 10, MARGIN + labelWidth, y);
            y -= 13.5f;
        }
        return this;
    }

    public PdfDocument space(float points) {
        y -= points;
        return this;
    }

    private PdfDocument write(String text, float size, float leading) {
        for (String paragraph : text.split("\n", -1)) {
            for (String line : wrap(paragraph, size, WIDTH)) {
                ensure(leading);
                text(line, size, MARGIN, y);
                y -= leading;
            }
        }
        return this;
    }

    private void text(String s, float size, float x, float baseline) {
        try {
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(x, baseline);
            out.showText(s);
            out.endText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> wrap(String text, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.replace('\t', ' ').split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(candidate, size) <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private float width(String s, float size) {
        try {
            return font.getStringWidth(s) / 1000 * size;
        } catch (IOException | IllegalArgumentException e) {
            return s.length() * size * 0.6f;
        }
    }

    private void ensure(float leading) {
        if (y - leading < MARGIN) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (out != null) {
                out.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            out = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Finishes the document as PDF/A-2b and returns its bytes. */
    public byte[] toBytes() {
        try {
            out.close();
            out = null;
            Calendar cal = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
            cal.setTimeInMillis(created.toEpochMilli());
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("Kontor");
            info.setProducer("Kontor");
            info.setCreationDate(cal);
            info.setModificationDate(cal);
            XMPMetadata xmp = XMPMetadata.createXMPMetadata();
            DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setTitle(title);
            XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreateDate(cal);
            basic.setModifyDate(cal);
            basic.setCreatorTool("Kontor");
            PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
            id.setPart(2);
            id.setConformance("B");
            ByteArrayOutputStream xml = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, xml, true);
            PDMetadata metadata = new PDMetadata(doc);
            metadata.importXMPMetadata(xml.toByteArray());
            doc.getDocumentCatalog().setMetadata(metadata);
            PDOutputIntent intent = new PDOutputIntent(doc,
                    new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            doc.getDocumentCatalog().addOutputIntent(intent);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (Exception e) {
            throw new KontorException(e, "error.pdf", e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
            doc.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}

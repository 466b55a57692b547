package de.kontor.report;

import de.kontor.domain.KontorException;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDTableAttributeObject;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * A flowing A4 document written with PDFBox as archival and accessible PDF: PDF/A-2b or PDF/A-3b
 * (with associated files), tagged for PDF/UA-1 (document language, title shown, structure tree
 * with H1/H2/P/Table/TR/TH/TD, every text line in marked content, page numbers as artifacts).
 * Fonts: DejaVu Sans regular and bold, embedded. Headings, paragraphs with word wrap,
 * label/value rows, tables with header rows; new pages as needed.
 */
public final class PdfDocument implements AutoCloseable {
    private static final String FONT = "/de/kontor/report/fonts/DejaVuSans.ttf";
    private static final String BOLD = "/de/kontor/report/fonts/DejaVuSans-Bold.ttf";
    private static final float MARGIN = 56;
    private static final float BOTTOM = 64;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;
    private static final float CELL_PAD = 4;

    private final PDDocument doc = new PDDocument();
    private final List<TrueTypeFont> fonts = new ArrayList<>();
    private final PDType0Font font;
    private final PDType0Font bold;
    private final String title;
    private final Instant created;
    private final Locale language;
    private final int pdfaPart;
    private final PDStructureTreeRoot root;
    private final PDStructureElement document;
    private final Map<Integer, COSArray> parentTree = new HashMap<>();
    private final List<Attachment> attachments = new ArrayList<>();
    private String footerPattern;
    private PDPage page;
    private int pageIndex = -1;
    private int mcid;
    private PDPageContentStream out;
    private float y;

    private record Attachment(String name, String mimeType, String description, byte[] content) {}

    /** A PDF/A-2b document in English (the deletion concept and certificates). */
    public PdfDocument(String title, Instant created) {
        this(title, created, Locale.ENGLISH, 2);
    }

    /**
     * @param language the document language (tagged on the catalogue)
     * @param pdfaPart 2 or 3 (3 allows embedded associated files)
     */
    public PdfDocument(String title, Instant created, Locale language, int pdfaPart) {
        this.title = title;
        this.created = created.truncatedTo(ChronoUnit.SECONDS);
        this.language = language;
        this.pdfaPart = pdfaPart;
        font = load(FONT);
        bold = load(BOLD);
        root = new PDStructureTreeRoot();
        doc.getDocumentCatalog().setStructureTreeRoot(root);
        document = new PDStructureElement("Document", root);
        root.appendKid(document);
        newPage();
    }

    private PDType0Font load(String resource) {
        try (InputStream in = PdfDocument.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing: " + resource);
            }
            // Kontor's text is Latin, Greek and Cyrillic without shaping: switching glyph
            // substitution off keeps ligatures out of the text layer (screen readers and text
            // extraction see the letters) and saves PDFBox a regex pass per line shown.
            TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in));
            ttf.setEnableGsub(false);
            fonts.add(ttf);
            return PDType0Font.load(doc, ttf, true);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A page footer on every page, e.g. "Seite {0} von {1}" (page, pages); drawn as an artifact. */
    public PdfDocument footer(String messagePattern) {
        this.footerPattern = messagePattern;
        return this;
    }

    /** Embeds a file associated with the whole document (PDF/A-3, AFRelationship Data). */
    public PdfDocument attach(String name, String mimeType, String description, byte[] content) {
        if (pdfaPart < 3) {
            throw new IllegalStateException("attachments need PDF/A-3");
        }
        attachments.add(new Attachment(name, mimeType, description, content.clone()));
        return this;
    }

    public PdfDocument heading(String text) {
        space(10);
        return write("H1", text, bold, 16, 22);
    }

    public PdfDocument subheading(String text) {
        space(6);
        return write("H2", text, bold, 12.5f, 17);
    }

    public PdfDocument subsubheading(String text) {
        space(4);
        return write("H3", text, bold, 10.5f, 15);
    }

    public PdfDocument paragraph(String text) {
        return write("P", text, font, 10, 13.5f);
    }

    public PdfDocument small(String text) {
        return write("P", text, font, 8, 10.5f);
    }

    /** "Label: value" with the value wrapped beside the label column (one paragraph). */
    public PdfDocument row(String label, String value) {
        float labelWidth = 150;
        PDStructureElement p = element("P", document);
        List<String> labelLines = wrap(label, bold, 10, labelWidth - 8);
        List<String> lines = wrap(value == null || value.isBlank() ? "–" : value, font, 10, WIDTH - labelWidth);
        int n = Math.max(labelLines.size(), lines.size());
        for (int i = 0; i < n; i++) {
            ensure(13.5f);
            if (i < labelLines.size()) {
                text(p, labelLines.get(i), bold, 10, MARGIN, y);
            }
            if (i < lines.size()) {
                text(p, lines.get(i), font, 10, MARGIN + labelWidth, y);
            }
            y -= 13.5f;
        }
        return this;
    }

    /**
     * A table with one header row (TH, scope column) and data rows (TD). {@code widths} are
     * relative column widths. Rows that do not fit on the page continue on the next one, and the
     * header row is not repeated there (it stays once in the structure).
     */
    public PdfDocument table(List<String> headers, float[] widths, List<List<String>> rows) {
        float total = 0;
        for (float w : widths) {
            total += w;
        }
        float[] cols = new float[widths.length];
        for (int i = 0; i < widths.length; i++) {
            cols[i] = WIDTH * widths[i] / total;
        }
        space(4);
        PDStructureElement table = element("Table", document);
        tableRow(table, headers, cols, true);
        for (List<String> r : rows) {
            tableRow(table, r, cols, false);
        }
        space(6);
        return this;
    }

    private void tableRow(PDStructureElement table, List<String> cells, float[] cols, boolean header) {
        PDStructureElement tr = element("TR", table);
        PDType0Font f = header ? bold : font;
        float size = 8.5f;
        float leading = 11f;
        List<List<String>> wrapped = new ArrayList<>();
        List<PDStructureElement> cellElements = new ArrayList<>();
        int lines = 1;
        for (int c = 0; c < cols.length; c++) {
            String v = c < cells.size() ? cells.get(c) : "";
            List<String> w = wrap(v == null || v.isBlank() ? "–" : v, f, size, cols[c] - 2 * CELL_PAD);
            wrapped.add(w);
            lines = Math.max(lines, w.size());
            PDStructureElement cell = element(header ? "TH" : "TD", tr);
            if (header) {
                PDTableAttributeObject scope = new PDTableAttributeObject();
                scope.setScope(PDTableAttributeObject.SCOPE_COLUMN);
                cell.addAttribute(scope);
            }
            cellElements.add(cell);
        }
        if (y - Math.min(lines, 4) * leading - 4 < BOTTOM) {
            newPage();
        }
        y -= 2;
        for (int i = 0; i < lines; i++) {
            ensure(leading);
            float x = MARGIN;
            for (int c = 0; c < cols.length; c++) {
                List<String> w = wrapped.get(c);
                if (i < w.size()) {
                    text(cellElements.get(c), w.get(i), f, size, x + CELL_PAD, y - size);
                }
                x += cols[c];
            }
            y -= leading;
        }
        y -= 2;
        rule(header ? 0.8f : 0.3f);
    }

    private void rule(float width) {
        try {
            out.beginMarkedContent(COSName.ARTIFACT);
            out.setLineWidth(width);
            out.moveTo(MARGIN, y);
            out.lineTo(MARGIN + WIDTH, y);
            out.stroke();
            out.endMarkedContent();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public PdfDocument space(float points) {
        y -= points;
        return this;
    }

    private PdfDocument write(String type, String text, PDType0Font f, float size, float leading) {
        for (String paragraph : text.split("\n", -1)) {
            if (paragraph.isBlank()) {
                y -= leading;
                continue;
            }
            PDStructureElement e = element(type, document);
            List<String> lines = wrap(paragraph, f, size, WIDTH);
            if (type.startsWith("H")) {
                // keep a heading together and with the first lines after it
                ensure(lines.size() * leading + 40);
            }
            for (String line : lines) {
                ensure(leading);
                text(e, line, f, size, MARGIN, y - size);
                y -= leading;
            }
        }
        return this;
    }

    private PDStructureElement element(String type, PDStructureElement parent) {
        PDStructureElement e = new PDStructureElement(type, parent);
        parent.appendKid(e);
        return e;
    }

    /** Shows one line as marked content belonging to {@code owner} in the structure tree. */
    private void text(PDStructureElement owner, String s, PDType0Font f, float size, float x, float baseline) {
        String shown = printable(f, s);
        if (shown.isEmpty()) {
            return;
        }
        try {
            int id = mcid++;
            COSDictionary props = new COSDictionary();
            props.setInt(COSName.MCID, id);
            out.beginMarkedContent(COSName.getPDFName(owner.getStructureType()), PDPropertyList.create(props));
            out.beginText();
            out.setFont(f, size);
            out.newLineAtOffset(x, baseline);
            out.showText(shown);
            out.endText();
            out.endMarkedContent();
            COSDictionary element = owner.getCOSObject();
            COSArray kids = kids(owner);
            if (element.getItem(COSName.PG) == null) {
                element.setItem(COSName.PG, page.getCOSObject());
            }
            if (element.getDictionaryObject(COSName.PG) == page.getCOSObject()) {
                // content on the element's own page: the bare MCID is enough (ISO 32000-1, 14.7.4.2)
                kids.add(COSInteger.get(id));
            } else {
                COSDictionary mcr = new COSDictionary();
                mcr.setItem(COSName.TYPE, COSName.getPDFName("MCR"));
                mcr.setItem(COSName.PG, page.getCOSObject());
                mcr.setInt(COSName.MCID, id);
                kids.add(mcr);
            }
            parentTree.computeIfAbsent(pageIndex, k -> new COSArray()).add(owner.getCOSObject());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static COSArray kids(PDStructureElement e) {
        COSDictionary d = e.getCOSObject();
        var k = d.getDictionaryObject(COSName.K);
        if (k instanceof COSArray a) {
            return a;
        }
        COSArray a = new COSArray();
        if (k != null) {
            a.add(k);
        }
        d.setItem(COSName.K, a);
        return a;
    }

    /** Glyph widths per code point and font, so wrapping long tables stays fast. */
    private final Map<PDType0Font, Map<Integer, Float>> widths = new HashMap<>();

    /** Width of one code point in 1/1000 em, or -1 when the font has no glyph for it. */
    private float glyphWidth(PDType0Font f, int cp) {
        return widths.computeIfAbsent(f, k -> new HashMap<>()).computeIfAbsent(cp, c -> {
            try {
                return f.getStringWidth(new String(Character.toChars(c)));
            } catch (IOException | IllegalArgumentException e) {
                return -1f;
            }
        });
    }

    /** Leaves out control characters and shows '?' for characters the font cannot show. */
    private String printable(PDType0Font f, String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(cp -> {
            if (cp == '\t') {
                b.append(' ');
            } else if (!Character.isISOControl(cp)) {
                b.appendCodePoint(glyphWidth(f, cp) < 0 ? '?' : cp);
            }
        });
        return b.toString();
    }

    private List<String> wrap(String text, PDType0Font f, float size, float width) {
        if (text.indexOf('\n') >= 0) {
            List<String> lines = new ArrayList<>();
            for (String part : text.split("\n", -1)) {
                lines.addAll(wrap(part, f, size, width));
            }
            return lines;
        }
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.replace('\t', ' ').replace("\r", "").split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(f, candidate, size) <= width) {
                line.setLength(0);
                line.append(candidate);
            } else if (line.isEmpty()) {
                // one word longer than the column: break it by characters
                String rest = word;
                while (width(f, rest, size) > width && rest.length() > 1) {
                    int cut = rest.length() - 1;
                    while (cut > 1 && width(f, rest.substring(0, cut), size) > width) {
                        cut--;
                    }
                    lines.add(rest.substring(0, cut));
                    rest = rest.substring(cut);
                }
                line.append(rest);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
                if (width(f, word, size) > width) {
                    String w = line.toString();
                    line.setLength(0);
                    List<String> broken = wrap(w, f, size, width);
                    lines.addAll(broken.subList(0, broken.size() - 1));
                    line.append(broken.get(broken.size() - 1));
                }
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private float width(PDType0Font f, String s, float size) {
        float w = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isISOControl(cp)) {
                float g = glyphWidth(f, cp);
                w += g < 0 ? glyphWidth(f, '?') : g;
            }
        }
        return w / 1000 * size;
    }

    private void ensure(float leading) {
        if (y - leading < BOTTOM) {
            newPage();
        }
    }

    private void newPage() {
        try {
            if (out != null) {
                out.close();
            }
            page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            pageIndex++;
            mcid = 0;
            page.setStructParents(pageIndex);
            page.getCOSObject().setName(COSName.getPDFName("Tabs"), "S");
            out = new PDPageContentStream(doc, page);
            y = PDRectangle.A4.getHeight() - MARGIN;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void footers() throws IOException {
        if (footerPattern == null) {
            return;
        }
        int pages = doc.getNumberOfPages();
        for (int i = 0; i < pages; i++) {
            PDPage p = doc.getPage(i);
            String text = new MessageFormat(footerPattern, language).format(new Object[] {
                    Integer.toString(i + 1), Integer.toString(pages)});
            try (PDPageContentStream s = new PDPageContentStream(doc, p, PDPageContentStream.AppendMode.APPEND, true)) {
                COSDictionary props = new COSDictionary();
                props.setItem(COSName.TYPE, COSName.getPDFName("Pagination"));
                s.beginMarkedContent(COSName.ARTIFACT, PDPropertyList.create(props));
                s.beginText();
                s.setFont(font, 8);
                float w = width(font, text, 8);
                s.newLineAtOffset(MARGIN + WIDTH - w, MARGIN - 24);
                s.showText(printable(font, text));
                s.endText();
                s.endMarkedContent();
            }
        }
    }

    /** Finishes the document (PDF/A-2b or -3b, PDF/UA-1) and returns its bytes. */
    public byte[] toBytes() {
        try {
            out.close();
            out = null;
            footers();
            Calendar cal = new GregorianCalendar(TimeZone.getTimeZone(ZoneOffset.UTC));
            cal.setTimeInMillis(created.toEpochMilli());
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setCreator("Kontor");
            info.setProducer("Kontor");
            info.setCreationDate(cal);
            info.setModificationDate(cal);
            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            catalog.setLanguage(language.toLanguageTag());
            PDViewerPreferences prefs = new PDViewerPreferences(new COSDictionary());
            prefs.setDisplayDocTitle(true);
            catalog.setViewerPreferences(prefs);
            PDMarkInfo mark = new PDMarkInfo();
            mark.setMarked(true);
            catalog.setMarkInfo(mark);
            document.setLanguage(language.toLanguageTag());
            COSArray nums = new COSArray();
            for (int i = 0; i <= pageIndex; i++) {
                nums.add(COSInteger.get(i));
                nums.add(parentTree.getOrDefault(i, new COSArray()));
            }
            COSDictionary tree = new COSDictionary();
            tree.setItem(COSName.NUMS, nums);
            root.getCOSObject().setItem(COSName.PARENT_TREE, tree);
            root.setParentTreeNextKey(pageIndex + 1);
            embed(catalog, cal);
            PDMetadata metadata = new PDMetadata(doc);
            metadata.importXMPMetadata(xmp().getBytes(StandardCharsets.UTF_8));
            catalog.setMetadata(metadata);
            PDOutputIntent intent = new PDOutputIntent(doc,
                    new ByteArrayInputStream(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData()));
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            catalog.addOutputIntent(intent);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            doc.save(bytes);
            return bytes.toByteArray();
        } catch (Exception e) {
            throw new KontorException(e, "error.pdf", e.getMessage());
        }
    }

    private void embed(PDDocumentCatalog catalog, Calendar cal) throws IOException {
        if (attachments.isEmpty()) {
            return;
        }
        Map<String, PDComplexFileSpecification> specs = new java.util.TreeMap<>();
        COSArray af = new COSArray();
        for (Attachment a : attachments) {
            PDEmbeddedFile ef = new PDEmbeddedFile(doc, new ByteArrayInputStream(a.content()));
            ef.setSubtype(a.mimeType());
            ef.setSize(a.content().length);
            ef.setCreationDate(cal);
            ef.setModDate(cal);
            PDComplexFileSpecification fs = new PDComplexFileSpecification();
            fs.setFile(a.name());
            fs.setFileUnicode(a.name());
            fs.setEmbeddedFile(ef);
            fs.setEmbeddedFileUnicode(ef);
            fs.setFileDescription(a.description());
            fs.getCOSObject().setName(COSName.getPDFName("AFRelationship"), "Data");
            specs.put(a.name(), fs);
            af.add(fs);
        }
        PDEmbeddedFilesNameTreeNode efTree = new PDEmbeddedFilesNameTreeNode();
        efTree.setNames(specs);
        PDDocumentNameDictionary names = new PDDocumentNameDictionary(catalog);
        names.setEmbeddedFiles(efTree);
        catalog.setNames(names);
        catalog.getCOSObject().setItem(COSName.getPDFName("AF"), af);
    }

    private String xmp() {
        String date = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'+00:00'").format(created.atOffset(ZoneOffset.UTC));
        String t = escape(title);
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                + "<dc:format>application/pdf</dc:format>\n"
                + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + t + "</rdf:li></rdf:Alt></dc:title>\n"
                + "<dc:language><rdf:Bag><rdf:li>" + escape(language.toLanguageTag()) + "</rdf:li></rdf:Bag></dc:language>\n"
                + "</rdf:Description>\n"
                + "<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
                + "<xmp:CreateDate>" + date + "</xmp:CreateDate>\n"
                + "<xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n"
                + "<xmp:CreatorTool>Kontor</xmp:CreatorTool>\n"
                + "</rdf:Description>\n"
                + "<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
                + "<pdf:Producer>Kontor</pdf:Producer>\n"
                + "</rdf:Description>\n"
                + "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                + "<pdfaid:part>" + pdfaPart + "</pdfaid:part>\n"
                + "<pdfaid:conformance>B</pdfaid:conformance>\n"
                + "</rdf:Description>\n"
                + "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
                + "<pdfuaid:part>1</pdfuaid:part>\n"
                + "</rdf:Description>\n"
                + "<rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\""
                + " xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\""
                + " xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
                + "<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
                + "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
                + "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
                + "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
                + "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
                + "<pdfaProperty:name>part</pdfaProperty:name>\n"
                + "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
                + "<pdfaProperty:category>internal</pdfaProperty:category>\n"
                + "<pdfaProperty:description>Part of ISO 14289 the document conforms to</pdfaProperty:description>\n"
                + "</rdf:li></rdf:Seq></pdfaSchema:property>\n"
                + "</rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
                + "</rdf:Description>\n"
                + "</rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"w\"?>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    @Override
    public void close() {
        try {
            if (out != null) {
                out.close();
            }
            doc.close();
            for (TrueTypeFont f : fonts) {
                f.close();
            }
        } catch (IOException e) {
            // nothing left to release
            org.slf4j.LoggerFactory.getLogger(PdfDocument.class)
                    .warn("Releasing a PDF's resources failed: {}", e.getClass().getSimpleName());
        }
    }
}

package de.kontor.bench;

import de.kontor.app.Workspace;
import de.kontor.domain.ActivityData;
import de.kontor.domain.ActivityKind;
import de.kontor.exchange.ExportFormat;
import de.kontor.store.DataFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The figures of the data-subject requests issue: the Art. 15 access report of a person with
 * 1 000 activities, and JSON, CSV and vCard exports of everyone with the JSON import of that
 * export into an empty database.
 */
final class ExchangeBench {
    /** Where a figure goes: {@code name value unit}. */
    interface Figures {
        void figure(String name, double value, String unit);
    }

    private static final int ACTIVITIES = 1000;

    private final Figures out;

    ExchangeBench(Figures out) {
        this.out = out;
    }

    /**
     * The report and exports, on the open workspace {@code w}; files go to {@code workDir}.
     * Returns the JSON export of everyone for {@link #importJson}.
     */
    Path reportAndExports(Workspace w, Path workDir) throws IOException {
        var by = w.principal();
        long personId = w.contacts().search(by, "", 1).rows().get(0).id();
        Instant t0 = Instant.now().minus(3 * 365, ChronoUnit.DAYS);
        for (int i = 0; i < ACTIVITIES; i++) {
            w.activities().add(by, personId, new ActivityData(i % 3 == 0 ? ActivityKind.CALL : ActivityKind.EMAIL,
                    t0.plus(i, ChronoUnit.DAYS), "Rückfrage Nr. " + i, "Gespräch über die Lieferung Nr. " + i));
        }
        Path pdf = workDir.resolve("bench-access.pdf");
        double[] runs = new double[3];
        for (int i = 0; i < runs.length; i++) {
            long t = System.nanoTime();
            w.subjectData().accessReport(by, personId, Locale.GERMAN, null, pdf);
            runs[i] = (System.nanoTime() - t) / 1e6;
        }
        out.figure("access_report_1000_first_ms", runs[0], "ms");
        out.figure("access_report_1000_ms", Math.min(runs[1], runs[2]), "ms");
        out.figure("access_report_pdf_kb", Files.size(pdf) / 1024.0, "KB");
        Files.deleteIfExists(pdf);

        Path json = workDir.resolve("bench-export.json");
        long t = System.nanoTime();
        var r = w.subjectData().export(by, null, ExportFormat.JSON, ',', null, json);
        out.figure("json_export_all_s", (System.nanoTime() - t) / 1e9, "s");
        out.figure("json_export_people", r.people(), "count");
        out.figure("json_export_mb", r.size() / (1024.0 * 1024.0), "MB");

        Path vcf = workDir.resolve("bench-export.vcf");
        t = System.nanoTime();
        w.subjectData().export(by, null, ExportFormat.VCARD, ',', null, vcf);
        out.figure("vcard_export_all_s", (System.nanoTime() - t) / 1e9, "s");
        Files.deleteIfExists(vcf);

        Path csv = workDir.resolve("bench-export.csv");
        t = System.nanoTime();
        w.subjectData().export(by, null, ExportFormat.CSV, ';', null, csv);
        out.figure("csv_export_all_s", (System.nanoTime() - t) / 1e9, "s");
        Files.deleteIfExists(csv);

        return json;
    }

    /** Imports the JSON export into a new empty database (the source database is closed by then). */
    void importJson(Path json, DataFolder importFolder, String owner, char[] password, Workspace.Options options)
            throws IOException {
        try (Workspace target = Workspace.create(importFolder, owner, password, options)) {
            long t = System.nanoTime();
            var s = target.subjectData().importJson(target.principal(), json, json.getFileName().toString(), null);
            out.figure("json_import_all_s", (System.nanoTime() - t) / 1e9, "s");
            out.figure("json_import_people", s.people(), "count");
        } finally {
            Files.deleteIfExists(json);
        }
    }
}

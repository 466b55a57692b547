package de.kontor.bench;

import de.kontor.dedupe.DedupeRecord;
import de.kontor.dedupe.Match;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The labelled data sets in ../shared/data/dedupe (written by others) read into records, with
 * their true pairs, and pairwise precision, recall and F1 of a list of matches.
 */
public final class LabelledSets {
    public static final Path DIR = Path.of(System.getProperty("kontor.shared.data", "../shared/data"), "dedupe");

    public record Set1(String name, List<DedupeRecord> records, Map<String, String> entityOf) {
        public long truePairs() {
            Map<String, Integer> sizes = new HashMap<>();
            entityOf.values().forEach(e -> sizes.merge(e, 1, Integer::sum));
            return sizes.values().stream().mapToLong(k -> (long) k * (k - 1) / 2).sum();
        }
    }

    public record Quality(long truePositives, long predicted, long truePairs) {
        public double precision() {
            return predicted == 0 ? 0 : (double) truePositives / predicted;
        }

        public double recall() {
            return truePairs == 0 ? 0 : (double) truePositives / truePairs;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    public static boolean available() {
        return Files.isDirectory(DIR);
    }

    public static Quality quality(Set1 set, List<Match> matches) {
        Set<String> seen = new HashSet<>();
        long tp = 0;
        long predicted = 0;
        for (Match m : matches) {
            String a = m.a().sourceRecordId();
            String b = m.b().sourceRecordId();
            if (!seen.add(a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a)) {
                continue;
            }
            predicted++;
            if (set.entityOf().get(a).equals(set.entityOf().get(b))) {
                tp++;
            }
        }
        return new Quality(tp, predicted, set.truePairs());
    }

    private static List<CSVRecord> rows(String file) throws java.io.IOException {
        try (Reader r = Files.newBufferedReader(DIR.resolve(file), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true)
                    .setTrim(true).get().parse(r).getRecords();
        }
    }

    private static Map<String, String> gold(String file) throws java.io.IOException {
        Map<String, String> m = new HashMap<>();
        for (CSVRecord r : rows(file)) {
            m.put(r.get("record_id"), r.get("entity_id"));
        }
        return m;
    }

    private static int i(String s) {
        if (s == null || s.isBlank() || s.equals("NA")) {
            return 0;
        }
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String v(String s) {
        return s == null || s.equals("NA") ? "" : s;
    }

    public static Set1 febrl(int n) throws java.io.IOException {
        List<DedupeRecord> out = new ArrayList<>();
        long key = 0;
        for (CSVRecord r : rows("febrl" + n + ".csv")) {
            String dob = r.get("date_of_birth");
            int y = dob.length() == 8 ? i(dob.substring(0, 4)) : 0;
            int mo = dob.length() == 8 ? i(dob.substring(4, 6)) : 0;
            int d = dob.length() == 8 ? i(dob.substring(6, 8)) : 0;
            out.add(new DedupeRecord(key++, r.get("rec_id"), r.get("given_name"), r.get("surname"), y, mo, d, List.of(),
                    List.of(), r.get("address_1"), r.get("street_number"), r.get("postcode"), r.get("suburb")));
        }
        return new Set1("febrl" + n, out, gold("febrl" + n + "_gold.csv"));
    }

    public static Set1 rldata() throws java.io.IOException {
        List<DedupeRecord> out = new ArrayList<>();
        long key = 0;
        for (CSVRecord r : rows("rldata500.csv")) {
            String given = (v(r.get("fname_c1")) + " " + v(r.get("fname_c2"))).strip();
            String family = (v(r.get("lname_c1")) + " " + v(r.get("lname_c2"))).strip();
            out.add(new DedupeRecord(key++, r.get("rec_id"), given, family, i(r.get("by")), i(r.get("bm")), i(r.get("bd")),
                    List.of(), List.of(), null, null, null, null));
        }
        return new Set1("rldata500", out, gold("rldata500_gold.csv"));
    }

    public static Set1 splink() throws java.io.IOException {
        List<DedupeRecord> out = new ArrayList<>();
        long key = 0;
        for (CSVRecord r : rows("splink_fake_1000.csv")) {
            String dob = r.get("dob");
            int y = dob.length() == 10 ? i(dob.substring(0, 4)) : 0;
            int mo = dob.length() == 10 ? i(dob.substring(5, 7)) : 0;
            int d = dob.length() == 10 ? i(dob.substring(8, 10)) : 0;
            String email = r.get("email");
            out.add(new DedupeRecord(key++, r.get("unique_id"), r.get("first_name"), r.get("surname"), y, mo, d,
                    email.isEmpty() ? List.of() : List.of(email), List.of(), null, null, null, r.get("city")));
        }
        return new Set1("splink_fake_1000", out, gold("splink_fake_1000_gold.csv"));
    }
}

package de.kontor.dedupe;

import java.util.List;

/**
 * The score of a candidate pair: a sum of log-likelihood weights in bits, Fellegi-Sunter
 * style, where agreement on a rare value weighs more than on a common one. Names are compared
 * by equality, Jaro-Winkler and Kölner Phonetik, straight and crosswise; dates by year, month
 * and day; e-mails, phones and address parts by equality with a little tolerance.
 *
 * <p>Most candidate pairs of a scan are far from any threshold, so {@link #score} first adds
 * the exact comparisons and an upper bound for the similarity ones and stops as soon as the
 * threshold is out of reach; only pairs that reach it are scored again with their reasons.
 */
final class Scorer {
    /** Below the threshold (the score itself was not finished). */
    static final double BELOW = Double.NEGATIVE_INFINITY;

    /** Bounds are summed in another order than scores: allow for rounding. */
    private static final double EPSILON = 1e-9;
    private static final double NAME_SIMILAR = 4.5;
    private static final double NAME_ALIKE = 2.0;
    private static final double NAME_DIFFER = -4.5;
    private static final double SWAP_PENALTY = 1.5;
    private static final double EMAIL_NEARLY = 6;
    private static final double EMAIL_SIMILAR = 2.5;
    private static final double EMAIL_DIFFER = -2;
    private static final double STREET_SIMILAR = 2.5;
    private static final double STREET_DIFFER = -2;
    private static final double CITY_SIMILAR = 1;
    private static final double CITY_DIFFER = -1.5;

    private final Values names;
    private final Values streets;
    private final Values cities;
    private final double[] nameWeight;
    private final double[] postcodeWeight;
    private final double[] streetWeight;
    private final double[] cityWeight;

    Scorer(Values names, Values streets, Values cities, double[] nameWeight,
            double[] postcodeWeight, double[] streetWeight, double[] cityWeight) {
        this.names = names;
        this.streets = streets;
        this.cities = cities;
        this.nameWeight = nameWeight;
        this.postcodeWeight = postcodeWeight;
        this.streetWeight = streetWeight;
        this.cityWeight = cityWeight;
    }

    /**
     * Remembered name comparisons (by the names' numbers) of one thread: in a scan the same
     * two names meet again and again. Direct-mapped, so a clash only costs a recomputation.
     */
    static final class Cache {
        private final long[] keys;
        private final byte[] levels;
        private final int mask;

        Cache(int bits) {
            keys = new long[1 << bits];
            levels = new byte[1 << bits];
            mask = (1 << bits) - 1;
            java.util.Arrays.fill(keys, -1L);
        }
    }

    /**
     * The score of the pair, or {@link #BELOW} when {@code reasons} is null and the score
     * cannot reach {@code threshold}. With {@code reasons} the score is always complete and
     * every comparison adds its reason.
     */
    double score(Prepared a, Prepared b, double threshold, Cache cache, List<String> reasons) {
        if (reasons != null) {
            return names(a, b, cache, reasons) + date(a, b, reasons) + emails(a, b, cache, reasons)
                    + phones(a, b, reasons)
                    + postcode(a, b, reasons) + street(a, b, reasons) + house(a, b, reasons) + city(a, b, reasons);
        }
        double s = date(a, b, null) + phones(a, b, null) + postcode(a, b, null) + house(a, b, null);
        // Then the similarity comparisons in three steps, each only while the threshold is still
        // in reach: first counted with the most they could add, then with what the character
        // signatures allow, then compared.
        double open = 0;
        boolean emailOpen = false;
        if (a.emails().length > 0 && b.emails().length > 0) {
            if (shareAny(a.emailHashes(), b.emailHashes())) {
                s += 11;
            } else {
                emailOpen = true;
                open += EMAIL_NEARLY;
            }
        }
        boolean streetOpen = false;
        if (a.streetId() != Values.MISSING && b.streetId() != Values.MISSING) {
            if (a.streetId() == b.streetId()) {
                s += Math.min(streetWeight[a.streetId()], 6);
            } else {
                streetOpen = true;
                open += STREET_SIMILAR;
            }
        }
        boolean cityOpen = false;
        if (a.cityId() != Values.MISSING && b.cityId() != Values.MISSING) {
            if (a.cityId() == b.cityId()) {
                s += Math.min(cityWeight[a.cityId()], 4);
            } else {
                cityOpen = true;
                open += CITY_SIMILAR;
            }
        }
        s += names(a, b, cache, null);
        if (s + open < threshold - EPSILON) {
            return BELOW;
        }
        if (emailOpen && !mayBeSimilar(a.emails(), a.emailSignatures(), b.emails(), b.emailSignatures(), 0.92)) {
            emailOpen = false;
            open -= EMAIL_NEARLY;
            if (mayBeSimilar(a.emailLocals(), a.localSignatures(), b.emailLocals(), b.localSignatures(), 0.9)) {
                emailOpen = true;
                open += EMAIL_SIMILAR;
            } else {
                s += EMAIL_DIFFER;
            }
        }
        if (streetOpen && streets.similarityBound(a.streetId(), a.street(), b.streetId(), b.street()) < 0.9) {
            streetOpen = false;
            open -= STREET_SIMILAR;
            s += STREET_DIFFER;
        }
        if (cityOpen && cities.similarityBound(a.cityId(), a.city(), b.cityId(), b.city()) < 0.9) {
            cityOpen = false;
            open -= CITY_SIMILAR;
            s += CITY_DIFFER;
        }
        if (s + open < threshold - EPSILON) {
            return BELOW;
        }
        if (emailOpen) {
            s += emails(a, b, cache, null);
        }
        if (streetOpen) {
            s += street(a, b, null);
        }
        if (cityOpen) {
            s += city(a, b, null);
        }
        return s < threshold - EPSILON ? BELOW : s;
    }

    private static boolean mayBeSimilar(String[] x, long[] xSig, String[] y, long[] ySig, double min) {
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < y.length; j++) {
                if (JaroWinkler.upperBound(x[i], xSig[2 * i], xSig[2 * i + 1], y[j], ySig[2 * j], ySig[2 * j + 1])
                        >= min) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean similar(String x, long[] xSig, int i, String y, long[] ySig, int j, double min) {
        return JaroWinkler.upperBound(x, xSig[2 * i], xSig[2 * i + 1], y, ySig[2 * j], ySig[2 * j + 1]) >= min
                && JaroWinkler.similarity(x, y) >= min;
    }

    private static boolean shareAny(long[] x, long[] y) {
        for (long i : x) {
            for (long j : y) {
                if (i == j) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void reason(List<String> reasons, String r) {
        if (reasons != null) {
            reasons.add(r);
        }
    }

    // ---- names ----------------------------------------------------------------------------

    private static final byte MISSING = 0;
    private static final byte EQUAL = 1;
    private static final byte SIMILAR = 2;
    private static final byte ALIKE = 3;
    private static final byte DIFFER = 4;
    private static final List<String> LEVEL = List.of("missing", "equal", "similar", "alike", "differ");

    /** No common phonetic code, neither a prefix of the other, and too few common characters. */
    private boolean cannotBeAlike(String x, int xId, int xPhon, String y, int yId, int yPhon) {
        return !(xPhon > 0 && xPhon == yPhon) && names.similarityBound(xId, x, yId, y) < 0.88 && !x.startsWith(y)
                && !y.startsWith(x);
    }

    private double names(Prepared a, Prepared b, Cache cache, List<String> reasons) {
        byte gg = level(a.given(), a.givenId(), a.givenPhon(), b.given(), b.givenId(), b.givenPhon(), cache);
        byte ff = level(a.family(), a.familyId(), a.familyPhon(), b.family(), b.familyId(), b.familyPhon(), cache);
        double straight = weight(gg, a.givenId()) + weight(ff, a.familyId());
        byte gf = level(a.given(), a.givenId(), a.givenPhon(), b.family(), b.familyId(), b.familyPhon(), cache);
        byte fg = level(a.family(), a.familyId(), a.familyPhon(), b.given(), b.givenId(), b.givenPhon(), cache);
        double swapped = weight(gf, a.givenId()) + weight(fg, a.familyId()) - SWAP_PENALTY;
        if (swapped > straight) {
            if (reasons != null) {
                reasons.add("names swapped");
                reasons.add("given~family " + LEVEL.get(gf));
                reasons.add("family~given " + LEVEL.get(fg));
            }
            return swapped;
        }
        if (reasons != null) {
            reasons.add("given " + LEVEL.get(gg));
            reasons.add("family " + LEVEL.get(ff));
        }
        return straight;
    }

    /** Both names equal or similar, straight or crosswise. */
    private boolean namesAgree(Prepared a, Prepared b, Cache cache) {
        byte gg = level(a.given(), a.givenId(), a.givenPhon(), b.given(), b.givenId(), b.givenPhon(), cache);
        byte ff = level(a.family(), a.familyId(), a.familyPhon(), b.family(), b.familyId(), b.familyPhon(), cache);
        byte gf = level(a.given(), a.givenId(), a.givenPhon(), b.family(), b.familyId(), b.familyPhon(), cache);
        byte fg = level(a.family(), a.familyId(), a.familyPhon(), b.given(), b.givenId(), b.givenPhon(), cache);
        return agree(gg) && agree(ff) || agree(gf) && agree(fg);
    }

    private static boolean agree(byte level) {
        return level == EQUAL || level == SIMILAR;
    }

    private double weight(byte level, int id) {
        return switch (level) {
            case EQUAL -> Math.min(nameWeight[id], 14);
            case SIMILAR -> NAME_SIMILAR;
            case ALIKE -> NAME_ALIKE;
            case DIFFER -> NAME_DIFFER;
            default -> 0;
        };
    }

    private byte level(String x, int xId, int xPhon, String y, int yId, int yPhon, Cache cache) {
        if (xId == Values.MISSING || yId == Values.MISSING) {
            return MISSING;
        }
        if (xId == yId) {
            return EQUAL;
        }
        if (xId < 0 || yId < 0 || cache == null) {
            return compare(x, xId, xPhon, y, yId, yPhon);
        }
        long key = ((long) xId << 32) | yId;
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & cache.mask;
        if (cache.keys[slot] == key) {
            return cache.levels[slot];
        }
        byte level = compare(x, xId, xPhon, y, yId, yPhon);
        cache.keys[slot] = key;
        cache.levels[slot] = level;
        return level;
    }

    private byte compare(String x, int xId, int xPhon, String y, int yId, int yPhon) {
        if (cannotBeAlike(x, xId, xPhon, y, yId, yPhon)) {
            return DIFFER;
        }
        double jw = JaroWinkler.similarity(x, y);
        boolean phon = xPhon > 0 && xPhon == yPhon;
        if (jw >= 0.94 || (phon && jw >= 0.8)) {
            return SIMILAR;
        }
        if (phon || jw >= 0.88 || x.startsWith(y) || y.startsWith(x)) {
            return ALIKE;
        }
        return DIFFER;
    }

    // ---- birth date: compared by year, month and day --------------------------------------

    private static double date(Prepared a, Prepared b, List<String> reasons) {
        if (!a.hasDate() || !b.hasDate()) {
            reason(reasons, "birth date missing");
            return 0;
        }
        boolean full = a.fullDate() && b.fullDate();
        if (full && a.year() == b.year() && a.month() == b.month() && a.day() == b.day()) {
            reason(reasons, "birth date equal");
            return 13;
        }
        if (full && a.year() == b.year() && a.month() == b.day() && a.day() == b.month()) {
            reason(reasons, "birth date day/month swapped");
            return 5;
        }
        int known = 0;
        int differ = 0;
        double s = 0;
        for (int part = 0; part < 3; part++) {
            int x = part == 0 ? a.year() : part == 1 ? a.month() : a.day();
            int y = part == 0 ? b.year() : part == 1 ? b.month() : b.day();
            if (x == 0 || y == 0) {
                continue;
            }
            known++;
            if (x == y) {
                s += part == 0 ? 5 : part == 1 ? 3 : 4;
            } else {
                differ++;
                s += oneDigitApart(x, y) ? -0.5 : -3.5;
            }
        }
        if (known == 3 && differ == 1) {
            reason(reasons, "birth date one part differs");
            return Math.max(s, 2.5);
        }
        if (full && differ >= 2) {
            long days = Math.abs(epochDay(a) - epochDay(b));
            if (days <= 62) {
                reason(reasons, "birth date close");
                return 1.5;
            }
            if (near(a.year(), b.year()) && Math.abs(a.month() - b.month()) <= 1 && Math.abs(a.day() - b.day()) <= 3) {
                // A typo in the year and a small shift in month or day: not a random other date.
                reason(reasons, "birth date close");
                return 1.5;
            }
            if (days <= 400) {
                reason(reasons, "birth date near");
                return -1.5;
            }
        }
        reason(reasons, differ == 0 ? "birth date parts equal" : "birth date differs");
        return differ >= 2 ? Math.min(s, -6) : s;
    }

    /** Days since 1970 of a date whose month and day may be out of range (clamped). */
    private static long epochDay(Prepared p) {
        int m = Math.min(Math.max(p.month(), 1), 12);
        int d = Math.min(Math.max(p.day(), 1), java.time.YearMonth.of(p.year(), m).lengthOfMonth());
        return java.time.LocalDate.of(p.year(), m, d).toEpochDay();
    }

    /** At most one apart, or one digit apart (1983 and 1973). */
    private static boolean near(int x, int y) {
        return Math.abs(x - y) <= 1 || oneDigitApart(x, y);
    }

    static boolean oneDigitApart(int x, int y) {
        if (x == y || x < 0 || y < 0) {
            return false;
        }
        int d = 0;
        while (x > 0 || y > 0) {
            if (x % 10 != y % 10) {
                d++;
            }
            x /= 10;
            y /= 10;
            if ((x == 0) != (y == 0)) {
                return false; // different number of digits
            }
        }
        return d == 1;
    }

    // ---- e-mail and phone -----------------------------------------------------------------

    private double emails(Prepared a, Prepared b, Cache cache, List<String> reasons) {
        if (a.emails().length == 0 || b.emails().length == 0) {
            return 0;
        }
        if (shareAny(a.emailHashes(), b.emailHashes())) {
            reason(reasons, "e-mail equal");
            return 11;
        }
        if (nearlyEqual(a, b)) {
            reason(reasons, "e-mail nearly equal");
            return EMAIL_NEARLY;
        }
        if (anySimilarLocal(a, b)) {
            // The part before the @ mostly spells the name: it adds only what the agreeing names do not explain.
            reason(reasons, "e-mail similar");
            return !namesAgree(a, b, cache) && similarBeyondNames(a, b) ? EMAIL_SIMILAR : 0;
        }
        reason(reasons, "e-mail differs");
        return EMAIL_DIFFER;
    }

    /**
     * Two addresses that differ by a typo; not two that differ only in the number at the end of
     * the user ("a.neumann@gmx.at" and "a.neumann2@gmx.at" are usually two people of one name).
     */
    private boolean nearlyEqual(Prepared a, Prepared b) {
        for (int i = 0; i < a.emails().length; i++) {
            for (int j = 0; j < b.emails().length; j++) {
                String x = a.emails()[i];
                String y = b.emails()[j];
                if (similar(x, a.emailSignatures(), i, y, b.emailSignatures(), j, 0.92) && !onlyDigitsDiffer(x, y)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean anySimilarLocal(Prepared a, Prepared b) {
        for (int i = 0; i < a.emailLocals().length; i++) {
            for (int j = 0; j < b.emailLocals().length; j++) {
                if (similar(a.emailLocals()[i], a.localSignatures(), i, b.emailLocals()[j], b.localSignatures(), j,
                        0.9)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Same domain, same user but for the number at its end ("bauer12@web.de", "bauer322@web.de"). */
    private static boolean onlyDigitsDiffer(String x, String y) {
        int ax = x.lastIndexOf('@');
        int ay = y.lastIndexOf('@');
        if (ax < 0 || ay < 0 || !x.substring(ax).equals(y.substring(ay))) {
            return false;
        }
        int ex = ax;
        while (ex > 0 && Character.isDigit(x.charAt(ex - 1))) {
            ex--;
        }
        int ey = ay;
        while (ey > 0 && Character.isDigit(y.charAt(ey - 1))) {
            ey--;
        }
        return x.substring(0, ex).equals(y.substring(0, ey));
    }

    /** The letters before the @ are still similar once the names both records share are taken out. */
    private boolean similarBeyondNames(Prepared a, Prepared b) {
        for (String x : a.emailLocals()) {
            for (String y : b.emailLocals()) {
                if (JaroWinkler.similarity(x, y) < 0.9) {
                    continue;
                }
                String rx = withoutSharedNames(x, a, b);
                String ry = withoutSharedNames(y, a, b);
                if (rx.length() >= 3 && ry.length() >= 3 && JaroWinkler.similarity(rx, ry) >= 0.9) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String withoutSharedNames(String local, Prepared a, Prepared b) {
        String r = local;
        for (Prepared p : new Prepared[] {a, b}) {
            for (int id : new int[] {p.givenId(), p.familyId()}) {
                if (id > 0 && (id == a.givenId() || id == a.familyId()) && (id == b.givenId() || id == b.familyId())) {
                    r = r.replace(id == p.givenId() ? p.given() : p.family(), "");
                }
            }
        }
        return r;
    }

    private static double phones(Prepared a, Prepared b, List<String> reasons) {
        if (a.phones().length == 0 || b.phones().length == 0) {
            return 0;
        }
        if (shareAny(a.phones(), b.phones())) {
            reason(reasons, "phone equal");
            return 11;
        }
        reason(reasons, "phone differs");
        return -2;
    }

    // ---- address --------------------------------------------------------------------------

    private double postcode(Prepared a, Prepared b, List<String> reasons) {
        if (a.postcodeId() == Values.MISSING || b.postcodeId() == Values.MISSING) {
            return 0;
        }
        if (a.postcodeId() == b.postcodeId()) {
            reason(reasons, "postcode equal");
            return Math.min(postcodeWeight[a.postcodeId()], 7);
        }
        if (a.postcode().length() == b.postcode().length() && hamming(a.postcode(), b.postcode()) == 1) {
            reason(reasons, "postcode one digit differs");
            return 0.5;
        }
        reason(reasons, "postcode differs");
        return -2.5;
    }

    private double street(Prepared a, Prepared b, List<String> reasons) {
        if (a.streetId() == Values.MISSING || b.streetId() == Values.MISSING) {
            return 0;
        }
        if (a.streetId() == b.streetId()) {
            reason(reasons, "street equal");
            return Math.min(streetWeight[a.streetId()], 6);
        }
        if (streets.similar(a.streetId(), a.street(), b.streetId(), b.street(), 0.9)) {
            reason(reasons, "street similar");
            return STREET_SIMILAR;
        }
        reason(reasons, "street differs");
        return STREET_DIFFER;
    }

    private static double house(Prepared a, Prepared b, List<String> reasons) {
        if (a.house() == Values.MISSING || b.house() == Values.MISSING) {
            return 0;
        }
        if (a.house() == b.house()) {
            reason(reasons, "house number equal");
            return 1.5;
        }
        reason(reasons, "house number differs");
        return -1.5;
    }

    private double city(Prepared a, Prepared b, List<String> reasons) {
        if (a.cityId() == Values.MISSING || b.cityId() == Values.MISSING) {
            return 0;
        }
        if (a.cityId() == b.cityId()) {
            reason(reasons, "city equal");
            return Math.min(cityWeight[a.cityId()], 4);
        }
        if (cities.similar(a.cityId(), a.city(), b.cityId(), b.city(), 0.9)) {
            reason(reasons, "city similar");
            return CITY_SIMILAR;
        }
        reason(reasons, "city differs");
        return CITY_DIFFER;
    }

    private static int hamming(String x, String y) {
        int d = 0;
        for (int i = 0; i < x.length(); i++) {
            if (x.charAt(i) != y.charAt(i)) {
                d++;
            }
        }
        return d;
    }
}

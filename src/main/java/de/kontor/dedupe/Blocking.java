package de.kontor.dedupe;

import java.util.ArrayList;
import java.util.List;

/**
 * Blocking keys: two records become a candidate pair when they share any key. Several keys
 * per record so that one missing or mistyped field does not lose the pair; names are keyed
 * in both orders so swapped names still meet.
 */
final class Blocking {
    private Blocking() {}

    static List<String> keys(Norm p) {
        List<String> k = new ArrayList<>(16);
        String g = p.given();
        String f = p.family();
        names(k, "N", p.familyPhon(), g);
        names(k, "N", p.givenPhon(), f);
        if (p.year() > 0 && p.month() > 0 && p.day() > 0) {
            k.add("D:" + p.year() + "-" + p.month() + "-" + p.day());
        }
        if (p.month() > 0 && p.day() > 0) {
            k.add("MD:" + p.month() + "-" + p.day() + ":" + initial(f));
            k.add("MD:" + p.month() + "-" + p.day() + ":" + initial(g));
        }
        if (p.year() > 0) {
            k.add("Y:" + p.year() + ":" + prefix(f, 3));
            k.add("Y:" + p.year() + ":" + prefix(g, 3));
        }
        for (String e : p.emails()) {
            k.add("E:" + e);
        }
        for (String l : p.emailLocals()) {
            if (l.length() >= 5) {
                k.add("EL:" + l);
            }
            k.add("EP:" + prefix(l, 4));
        }
        if (p.year() > 0 && p.month() > 0 && (f.isEmpty() || g.isEmpty())) {
            // Without both names the other keys are weak; year and month still bring it together.
            k.add("YM:" + p.year() + "-" + p.month());
        }
        for (String ph : p.phones()) {
            k.add("P:" + ph);
        }
        if (!p.postcode().isEmpty()) {
            k.add("Z:" + p.postcode() + ":" + prefix(f, 2));
            k.add("Z:" + p.postcode() + ":" + prefix(g, 2));
        }
        if (!p.street().isEmpty()) {
            k.add("S:" + p.street() + ":" + p.house());
        }
        if (!f.isEmpty() && !g.isEmpty()) {
            k.add("FG:" + prefix(f, 4) + ":" + prefix(g, 2));
            k.add("FG:" + prefix(g, 4) + ":" + prefix(f, 2));
        }
        for (String phon : new String[] {p.givenPhon(), p.familyPhon()}) {
            if (phon.length() >= 2) {
                // One name with something else, so a missing or garbled other name does not lose the pair.
                if (p.month() > 0) {
                    k.add("1M:" + phon + ":" + p.month());
                }
                if (!p.city().isEmpty()) {
                    k.add("1C:" + phon + ":" + prefix(p.city(), 3));
                }
            }
        }
        for (String u : p.emailUsers()) {
            k.add("L:" + u);
        }
        return k;
    }

    private static void names(List<String> k, String tag, String phonetic, String other) {
        if (!phonetic.isEmpty()) {
            k.add(tag + ":" + phonetic + ":" + initial(other));
        }
    }

    private static String initial(String s) {
        return s.isEmpty() ? "" : s.substring(0, 1);
    }

    private static String prefix(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }
}

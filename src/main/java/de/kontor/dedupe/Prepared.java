package de.kontor.dedupe;

import java.util.List;

/** A record with every comparison form computed once. */
record Prepared(
        DedupeRecord raw,
        String given,
        String family,
        String givenPhon,
        String familyPhon,
        String fullName,
        int year,
        int month,
        int day,
        List<String> emails,
        List<String> emailLocals,
        List<String> emailUsers,
        List<String> phones,
        String street,
        String house,
        String postcode,
        String city) {

    static Prepared of(DedupeRecord r, Normalizer n) {
        String given = Normalizer.name(r.givenName());
        String family = Normalizer.name(r.familyName());
        List<String> emails = r.emails().stream().map(Normalizer::email).filter(e -> !e.isEmpty()).distinct().toList();
        List<String> users = emails.stream().map(e -> e.contains("@") ? e.substring(0, e.indexOf('@')) : e)
                .filter(l -> l.length() >= 2).distinct().toList();
        List<String> locals = emails.stream().map(e -> e.contains("@") ? e.substring(0, e.indexOf('@')) : e)
                .map(l -> l.replaceAll("[^a-z]", "")).filter(l -> l.length() >= 3).toList();
        List<String> phones = r.phones().stream().map(Normalizer::digits).filter(p -> p.length() >= 6).distinct().toList();
        return new Prepared(r, given, family, n.phonetic(given), n.phonetic(family), given + " " + family,
                r.birthYear(), r.birthMonth(), r.birthDay(), emails, locals, users, phones, Normalizer.street(r.street()),
                Normalizer.houseNumber(r.houseNumber()), Normalizer.digits(r.postcode()), Normalizer.name(r.city()));
    }

    boolean hasDate() {
        return year > 0 || month > 0 || day > 0;
    }
}

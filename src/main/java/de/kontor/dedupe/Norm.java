package de.kontor.dedupe;

import java.util.List;

/**
 * A record's values in comparison form (normalised strings, phonetic codes, phone tails):
 * what blocking keys are made of, and what {@link Prepared} codes as numbers. Built for a
 * moment while indexing, so it may be large.
 */
record Norm(
        DedupeRecord raw,
        String given,
        String family,
        String givenPhon,
        String familyPhon,
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

    static Norm of(DedupeRecord r, Normalizer n) {
        String given = Normalizer.name(r.givenName());
        String family = Normalizer.name(r.familyName());
        List<String> emails = r.emails().stream().map(Normalizer::email).filter(e -> !e.isEmpty()).distinct().toList();
        List<String> users = emails.stream().map(e -> e.contains("@") ? e.substring(0, e.indexOf('@')) : e)
                .filter(l -> l.length() >= 2).distinct().toList();
        List<String> locals = users.stream().map(Normalizer::letters).filter(l -> l.length() >= 3).toList();
        List<String> phones = r.phones().stream().map(Normalizer::digits).filter(p -> p.length() >= 6)
                .map(p -> p.length() <= 9 ? p : p.substring(p.length() - 9)).distinct().toList();
        return new Norm(r, given, family, n.phonetic(given), n.phonetic(family), r.birthYear(), r.birthMonth(),
                r.birthDay(), emails, locals, users, phones, Normalizer.street(r.street()),
                Normalizer.houseNumber(r.houseNumber()), Normalizer.digits(r.postcode()), Normalizer.name(r.city()));
    }
}

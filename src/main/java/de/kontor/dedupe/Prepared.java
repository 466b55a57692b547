package de.kontor.dedupe;

/**
 * A record as the scoring compares it: names, street, postcode and city as numbers of their
 * {@link Values} (equal numbers, equal values; the text shared with every other record of the
 * same value), e-mails and phones as 64-bit hashes (nearly always unique, and no table of a
 * million entries), and the {@link JaroWinkler#signature}s of the e-mails and their user parts.
 */
record Prepared(
        DedupeRecord raw,
        String given,
        String family,
        int givenId,
        int familyId,
        int givenPhon,
        int familyPhon,
        int year,
        int month,
        int day,
        String[] emails,
        long[] emailHashes,
        long[] emailSignatures,
        String[] emailLocals,
        long[] localSignatures,
        long[] phones,
        String street,
        int streetId,
        int house,
        String postcode,
        int postcodeId,
        String city,
        int cityId) {

    boolean hasDate() {
        return year > 0 || month > 0 || day > 0;
    }

    boolean fullDate() {
        return year > 0 && month > 0 && day > 0;
    }
}

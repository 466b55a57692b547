package de.kontor.dedupe;

/**
 * A record as the scoring compares it: every value as a number of its {@link Values} (equal
 * numbers, equal values) and, for the fields compared by similarity, the normalised text,
 * shared with every other record of the same value.
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
        int[] emailIds,
        String[] emailLocals,
        int[] emailLocalIds,
        int[] phones,
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

package de.kontor.domain.privacy;

/**
 * The editable fields of a purpose. {@code dataCategories} and {@code recipients} are lists
 * separated by "; "; {@code thirdCountry} names transfers and safeguards (null: none).
 */
public record PurposeData(
        String key,
        String nameDe,
        String nameEn,
        String descriptionDe,
        String descriptionEn,
        LawfulBasis defaultBasis,
        String dataCategories,
        String recipients,
        String thirdCountry,
        boolean marketing,
        String notes) {}

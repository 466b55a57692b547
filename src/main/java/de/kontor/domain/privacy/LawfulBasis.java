package de.kontor.domain.privacy;

/** The six lawful bases of Art. 6(1) GDPR. */
public enum LawfulBasis implements Keyed {
    CONSENT("consent", "6(1)(a)"),
    CONTRACT("contract", "6(1)(b)"),
    LEGAL_OBLIGATION("legal-obligation", "6(1)(c)"),
    VITAL_INTEREST("vital-interest", "6(1)(d)"),
    PUBLIC_TASK("public-task", "6(1)(e)"),
    LEGITIMATE_INTEREST("legitimate-interest", "6(1)(f)");

    private final String key;
    private final String article;

    LawfulBasis(String key, String article) {
        this.key = key;
        this.article = article;
    }

    @Override
    public String key() {
        return key;
    }

    /** "6(1)(a)": the paragraph of Art. 6 GDPR. */
    public String article() {
        return article;
    }
}

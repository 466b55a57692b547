package de.kontor.domain;

/** What a signed-in user may do. Enforcement lives in one place (the services); see Principal. */
public enum Role {
    OWNER,
    STAFF,
    MARKETING,
    READ_ONLY;

    public boolean canWriteContacts() {
        return this == OWNER || this == STAFF;
    }

    /** Recording consent, bases, objections and information duties. */
    public boolean canRecordConsent() {
        return this == OWNER || this == STAFF || this == MARKETING;
    }

    /** Privacy actions: erase, anonymise, restrict, export all, lift blocks, restore backups. */
    public boolean canUsePrivacyActions() {
        return this == OWNER;
    }

    /** Changing the purpose catalogue and settings. */
    public boolean canAdminister() {
        return this == OWNER;
    }
}

package de.kontor.service;

import de.kontor.domain.AccessDeniedException;
import de.kontor.domain.Principal;

/** The one place where roles are enforced; every service asks here before it acts. */
public final class Permissions {
    public void requireWriteContacts(Principal p) {
        if (!p.role().canWriteContacts()) {
            throw new AccessDeniedException(p.username(), "contacts:write");
        }
    }

    public void requireRecordConsent(Principal p) {
        if (!p.role().canRecordConsent()) {
            throw new AccessDeniedException(p.username(), "consent:write");
        }
    }

    public void requireAdminister(Principal p) {
        if (!p.role().canAdminister()) {
            throw new AccessDeniedException(p.username(), "administer");
        }
    }

    public void requirePrivacy(Principal p) {
        if (!p.role().canUsePrivacyActions()) {
            throw new AccessDeniedException(p.username(), "privacy");
        }
    }
}

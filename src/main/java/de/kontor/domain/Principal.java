package de.kontor.domain;

import java.util.Objects;

/**
 * The signed-in user on whose behalf a service call acts. Passed explicitly into every
 * service method, never read from a global, so the audit trail can name the user.
 */
public record Principal(long userId, String username, String displayName, Role role) {
    public Principal {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(role, "role");
    }
}

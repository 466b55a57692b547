package de.kontor.store;

import static de.kontor.store.jooq.Tables.APP_USER;

import de.kontor.domain.Principal;
import de.kontor.domain.Role;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Record;

/** The accounts table: who may sign in and with which role (never a password). */
public final class UserStore {
    public Principal create(Tx tx, String username, String displayName, Role role, Instant now) {
        long id = tx.dsl().insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.ROLE, role.name())
                .set(APP_USER.CREATED_AT, now.atOffset(ZoneOffset.UTC))
                .returningResult(APP_USER.ID)
                .fetchOne()
                .value1();
        return new Principal(id, username, displayName, role);
    }

    public Optional<Principal> findByUsername(Tx tx, String username) {
        return tx.dsl().selectFrom(APP_USER)
                .where(APP_USER.USERNAME.equalIgnoreCase(username))
                .fetchOptional()
                .map(UserStore::toPrincipal);
    }

    public List<Principal> all(Tx tx) {
        return tx.dsl().selectFrom(APP_USER).orderBy(APP_USER.ID).fetch().map(UserStore::toPrincipal);
    }

    private static Principal toPrincipal(Record r) {
        return new Principal(r.get(APP_USER.ID), r.get(APP_USER.USERNAME), r.get(APP_USER.DISPLAY_NAME),
                Role.valueOf(r.get(APP_USER.ROLE)));
    }
}

package de.kontor.store;

import static de.kontor.store.jooq.Tables.ORGANISATION;
import static de.kontor.store.jooq.Tables.PERSON;

import de.kontor.domain.NotFoundException;
import de.kontor.domain.Organisation;
import de.kontor.domain.OrganisationData;
import de.kontor.domain.StaleDataException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** Organisations (companies) and the count of their people. */
public final class OrganisationStore {
    public static final String ENTITY = "organisation";
    private static final Field<Integer> PEOPLE = DSL.field(
            DSL.selectCount().from(PERSON).where(PERSON.ORGANISATION_ID.eq(ORGANISATION.ID))).as("people");

    public long insert(Tx tx, OrganisationData d, Instant now) {
        var t = now.atOffset(ZoneOffset.UTC);
        return tx.dsl().insertInto(ORGANISATION)
                .set(ORGANISATION.NAME, d.name())
                .set(ORGANISATION.STREET, d.street())
                .set(ORGANISATION.HOUSE_NUMBER, d.houseNumber())
                .set(ORGANISATION.POSTCODE, d.postcode())
                .set(ORGANISATION.CITY, d.city())
                .set(ORGANISATION.COUNTRY, d.country())
                .set(ORGANISATION.WEBSITE, d.website())
                .set(ORGANISATION.VAT_ID, d.vatId())
                .set(ORGANISATION.VERSION, 1)
                .set(ORGANISATION.CREATED_AT, t)
                .set(ORGANISATION.UPDATED_AT, t)
                .returningResult(ORGANISATION.ID)
                .fetchOne()
                .value1();
    }

    /**
     * Inserts organisations known only by name (as a bulk import meets them), with one reused
     * prepared statement; returns their ids in order.
     */
    public long[] insertNamed(Tx tx, List<String> names, Instant now) {
        var t = now.atOffset(ZoneOffset.UTC);
        String sql = tx.dsl().insertInto(ORGANISATION, ORGANISATION.NAME, ORGANISATION.VERSION,
                ORGANISATION.CREATED_AT, ORGANISATION.UPDATED_AT)
                .values(java.util.Collections.nCopies(4, (Object) null)).getSQL();
        long[] ids = new long[names.size()];
        tx.dsl().connection(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql, new String[] {"ID"})) {
                for (int i = 0; i < names.size(); i++) {
                    PersonStore.bind(ps, names.get(i), 1, t, t);
                    ps.executeUpdate();
                    try (java.sql.ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        ids[i] = keys.getLong(1);
                    }
                }
            }
        });
        return ids;
    }

    public int update(Tx tx, long id, int expectedVersion, OrganisationData d, Instant now) {
        int rows = tx.dsl().update(ORGANISATION)
                .set(ORGANISATION.NAME, d.name())
                .set(ORGANISATION.STREET, d.street())
                .set(ORGANISATION.HOUSE_NUMBER, d.houseNumber())
                .set(ORGANISATION.POSTCODE, d.postcode())
                .set(ORGANISATION.CITY, d.city())
                .set(ORGANISATION.COUNTRY, d.country())
                .set(ORGANISATION.WEBSITE, d.website())
                .set(ORGANISATION.VAT_ID, d.vatId())
                .set(ORGANISATION.VERSION, expectedVersion + 1)
                .set(ORGANISATION.UPDATED_AT, now.atOffset(ZoneOffset.UTC))
                .where(ORGANISATION.ID.eq(id).and(ORGANISATION.VERSION.eq(expectedVersion)))
                .execute();
        if (rows != 1) {
            if (tx.dsl().fetchExists(ORGANISATION, ORGANISATION.ID.eq(id))) {
                throw new StaleDataException(ENTITY, id);
            }
            throw new NotFoundException(ENTITY, id);
        }
        return expectedVersion + 1;
    }

    /**
     * Every organisation's id by lower-cased name (the lowest id wins), in one query: lets a
     * bulk create resolve thousands of names without a table scan per name.
     */
    public java.util.Map<String, Long> idsByLowerName(Tx tx) {
        java.util.Map<String, Long> ids = new java.util.HashMap<>();
        tx.dsl().select(ORGANISATION.ID, ORGANISATION.NAME).from(ORGANISATION).orderBy(ORGANISATION.ID)
                .forEach(r -> ids.putIfAbsent(r.value2().toLowerCase(java.util.Locale.ROOT), r.value1()));
        return ids;
    }

    /** The organisation of that name (ignoring case), if any. */
    public Optional<Organisation> findByName(Tx tx, String name) {
        return tx.dsl().select(ORGANISATION.fields()).select(PEOPLE).from(ORGANISATION)
                .where(DSL.lower(ORGANISATION.NAME).eq(name.toLowerCase(java.util.Locale.ROOT)))
                .orderBy(ORGANISATION.ID).limit(1).fetchOptional().map(OrganisationStore::toOrganisation);
    }

    public Optional<Organisation> find(Tx tx, long id) {
        return tx.dsl().select(ORGANISATION.fields()).select(PEOPLE).from(ORGANISATION)
                .where(ORGANISATION.ID.eq(id)).fetchOptional().map(OrganisationStore::toOrganisation);
    }

    public List<Organisation> all(Tx tx) {
        return tx.dsl().select(ORGANISATION.fields()).select(PEOPLE).from(ORGANISATION)
                .orderBy(ORGANISATION.NAME).fetch().map(OrganisationStore::toOrganisation);
    }

    private static Organisation toOrganisation(Record r) {
        return new Organisation(r.get(ORGANISATION.ID), r.get(ORGANISATION.VERSION), new OrganisationData(
                r.get(ORGANISATION.NAME), r.get(ORGANISATION.STREET), r.get(ORGANISATION.HOUSE_NUMBER),
                r.get(ORGANISATION.POSTCODE), r.get(ORGANISATION.CITY), r.get(ORGANISATION.COUNTRY),
                r.get(ORGANISATION.WEBSITE), r.get(ORGANISATION.VAT_ID)), r.get(PEOPLE));
    }
}

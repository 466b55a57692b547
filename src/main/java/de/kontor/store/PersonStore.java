package de.kontor.store;

import static de.kontor.store.jooq.Tables.APP_USER;
import static de.kontor.store.jooq.Tables.ORGANISATION;
import static de.kontor.store.jooq.Tables.PERSON;
import static de.kontor.store.jooq.Tables.PERSON_ADDRESS;
import static de.kontor.store.jooq.Tables.PERSON_EMAIL;
import static de.kontor.store.jooq.Tables.PERSON_PHONE;
import static de.kontor.store.jooq.Tables.PERSON_TAG;

import de.kontor.domain.ContactKind;
import de.kontor.domain.EmailAddress;
import de.kontor.domain.NotFoundException;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PhoneNumber;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.Provenance;
import de.kontor.domain.SourceKind;
import de.kontor.domain.StaleDataException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** People with their e-mails, phones, addresses and tags. */
public final class PersonStore {
    public static final String ENTITY = "person";

    /** Inserts a normalised, validated person; returns its id. */
    public long insert(Tx tx, PersonData d, Long organisationId, Provenance p, long capturedById, Instant now) {
        OffsetDateTime t = utc(now);
        long id = tx.dsl().insertInto(PERSON)
                .set(PERSON.SALUTATION, d.salutation())
                .set(PERSON.TITLE, d.title())
                .set(PERSON.GIVEN_NAME, d.givenName())
                .set(PERSON.FAMILY_NAME, d.familyName())
                .set(PERSON.BIRTH_DATE, d.birthDate())
                .set(PERSON.LANGUAGE, d.language())
                .set(PERSON.ORGANISATION_ID, organisationId)
                .set(PERSON.JOB_TITLE, d.jobTitle())
                .set(PERSON.NOTES, d.notes())
                .set(PERSON.SOURCE_KIND, p.kind().key())
                .set(PERSON.SOURCE_DETAIL, p.detail())
                .set(PERSON.SOURCE_FILE, p.fileName())
                .set(PERSON.SOURCE_RECORD_ID, p.sourceRecordId())
                .set(PERSON.CAPTURED_AT, utc(p.capturedAt()))
                .set(PERSON.CAPTURED_BY, capturedById)
                .set(PERSON.VERSION, 1)
                .set(PERSON.CREATED_AT, t)
                .set(PERSON.UPDATED_AT, t)
                .returningResult(PERSON.ID)
                .fetchOne()
                .value1();
        insertChildren(tx.dsl(), id, d);
        return id;
    }

    /** One person for {@link #insertAll}: normalised, validated data with its organisation and source. */
    public record NewRow(PersonData data, Long organisationId, Provenance provenance) {}

    /**
     * Inserts many people with their e-mails, phones, addresses and tags in the caller's
     * transaction; returns their ids in list order. Uses one prepared statement per table
     * (JDBC batches for the child rows) instead of building a statement per row, which is what
     * makes an import of 100 000 people feasible.
     */
    public long[] insertAll(Tx tx, List<NewRow> rows, long capturedById, Instant now) {
        OffsetDateTime t = utc(now);
        DSLContext dsl = tx.dsl();
        String personSql = dsl.insertInto(PERSON, PERSON.SALUTATION, PERSON.TITLE, PERSON.GIVEN_NAME,
                PERSON.FAMILY_NAME, PERSON.BIRTH_DATE, PERSON.LANGUAGE, PERSON.ORGANISATION_ID, PERSON.JOB_TITLE,
                PERSON.NOTES, PERSON.SOURCE_KIND, PERSON.SOURCE_DETAIL, PERSON.SOURCE_FILE, PERSON.SOURCE_RECORD_ID,
                PERSON.CAPTURED_AT, PERSON.CAPTURED_BY, PERSON.VERSION, PERSON.CREATED_AT, PERSON.UPDATED_AT)
                .values(java.util.Collections.nCopies(18, (Object) null)).getSQL();
        String emailSql = dsl.insertInto(PERSON_EMAIL, PERSON_EMAIL.PERSON_ID, PERSON_EMAIL.POSITION,
                PERSON_EMAIL.KIND, PERSON_EMAIL.ADDRESS).values(java.util.Collections.nCopies(4, (Object) null)).getSQL();
        String phoneSql = dsl.insertInto(PERSON_PHONE, PERSON_PHONE.PERSON_ID, PERSON_PHONE.POSITION,
                PERSON_PHONE.KIND, PERSON_PHONE.RAW, PERSON_PHONE.E164).values(java.util.Collections.nCopies(5, (Object) null)).getSQL();
        String addressSql = dsl.insertInto(PERSON_ADDRESS, PERSON_ADDRESS.PERSON_ID, PERSON_ADDRESS.POSITION,
                PERSON_ADDRESS.KIND, PERSON_ADDRESS.STREET, PERSON_ADDRESS.HOUSE_NUMBER, PERSON_ADDRESS.ADDRESS_LINE2,
                PERSON_ADDRESS.POSTCODE, PERSON_ADDRESS.CITY, PERSON_ADDRESS.REGION, PERSON_ADDRESS.COUNTRY)
                .values(java.util.Collections.nCopies(10, (Object) null)).getSQL();
        String tagSql = dsl.insertInto(PERSON_TAG, PERSON_TAG.PERSON_ID, PERSON_TAG.TAG).values(java.util.Collections.nCopies(2, (Object) null))
                .getSQL();
        long[] ids = new long[rows.size()];
        dsl.connection(c -> {
            try (PreparedStatement ps = c.prepareStatement(personSql, new String[] {"ID"})) {
                // JDBC batches of 1 000; H2 returns every batch row's generated id, in order.
                int done = 0;
                for (int i = 0; i < rows.size(); i++) {
                    NewRow r = rows.get(i);
                    PersonData d = r.data();
                    Provenance p = r.provenance();
                    bind(ps, d.salutation(), d.title(), d.givenName(), d.familyName(), d.birthDate(), d.language(),
                            r.organisationId(), d.jobTitle(), d.notes(), p.kind().key(), p.detail(), p.fileName(),
                            p.sourceRecordId(), utc(p.capturedAt()), capturedById, 1, t, t);
                    ps.addBatch();
                    if (i + 1 - done == 1000 || i == rows.size() - 1) {
                        ps.executeBatch();
                        try (ResultSet keys = ps.getGeneratedKeys()) {
                            while (keys.next()) {
                                ids[done++] = keys.getLong(1);
                            }
                        }
                        if (done != i + 1) {
                            throw new SQLException("expected " + (i + 1) + " generated ids, got " + done);
                        }
                    }
                }
            }
            try (Batch emails = new Batch(c, emailSql); Batch phones = new Batch(c, phoneSql);
                    Batch addresses = new Batch(c, addressSql); Batch tags = new Batch(c, tagSql)) {
                for (int i = 0; i < rows.size(); i++) {
                    PersonData d = rows.get(i).data();
                    long id = ids[i];
                    for (int k = 0; k < d.emails().size(); k++) {
                        EmailAddress e = d.emails().get(k);
                        emails.add(id, k, e.kind().key(), e.address());
                    }
                    for (int k = 0; k < d.phones().size(); k++) {
                        PhoneNumber ph = d.phones().get(k);
                        phones.add(id, k, ph.kind().key(), ph.raw(), ph.e164());
                    }
                    for (int k = 0; k < d.addresses().size(); k++) {
                        PostalAddress a = d.addresses().get(k);
                        addresses.add(id, k, a.kind().key(), a.street(), a.houseNumber(), a.addressLine2(),
                                a.postcode(), a.city(), a.region(), a.country());
                    }
                    for (String tag : d.tags()) {
                        tags.add(id, tag);
                    }
                }
            }
        });
        return ids;
    }

    static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
    }

    /** A JDBC batch on one prepared statement, sent every 1 000 rows and on close. */
    static final class Batch implements AutoCloseable {
        private final PreparedStatement ps;
        private int pending;

        Batch(Connection c, String sql) throws SQLException {
            this.ps = c.prepareStatement(sql);
        }

        void add(Object... values) throws SQLException {
            bind(ps, values);
            ps.addBatch();
            if (++pending == 1000) {
                ps.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                if (pending > 0) {
                    ps.executeBatch();
                }
            } finally {
                ps.close();
            }
        }
    }

    /**
     * Saves new data over version {@code expectedVersion}; refuses with {@link StaleDataException}
     * if someone saved in between. Returns the new version.
     */
    public int update(Tx tx, long id, int expectedVersion, PersonData d, Long organisationId, Instant now) {
        int rows = tx.dsl().update(PERSON)
                .set(PERSON.SALUTATION, d.salutation())
                .set(PERSON.TITLE, d.title())
                .set(PERSON.GIVEN_NAME, d.givenName())
                .set(PERSON.FAMILY_NAME, d.familyName())
                .set(PERSON.BIRTH_DATE, d.birthDate())
                .set(PERSON.LANGUAGE, d.language())
                .set(PERSON.ORGANISATION_ID, organisationId)
                .set(PERSON.JOB_TITLE, d.jobTitle())
                .set(PERSON.NOTES, d.notes())
                .set(PERSON.VERSION, expectedVersion + 1)
                .set(PERSON.UPDATED_AT, utc(now))
                .where(PERSON.ID.eq(id).and(PERSON.VERSION.eq(expectedVersion)))
                .execute();
        requireOne(tx, rows, id);
        DSLContext dsl = tx.dsl();
        dsl.deleteFrom(PERSON_EMAIL).where(PERSON_EMAIL.PERSON_ID.eq(id)).execute();
        dsl.deleteFrom(PERSON_PHONE).where(PERSON_PHONE.PERSON_ID.eq(id)).execute();
        dsl.deleteFrom(PERSON_ADDRESS).where(PERSON_ADDRESS.PERSON_ID.eq(id)).execute();
        dsl.deleteFrom(PERSON_TAG).where(PERSON_TAG.PERSON_ID.eq(id)).execute();
        insertChildren(dsl, id, d);
        return expectedVersion + 1;
    }

    public Optional<Person> find(Tx tx, long id) {
        Record r = baseQuery(tx.dsl()).where(PERSON.ID.eq(id)).fetchOne();
        if (r == null) {
            return Optional.empty();
        }
        Children c = Children.load(tx.dsl(), PERSON_EMAIL.PERSON_ID.eq(id), PERSON_PHONE.PERSON_ID.eq(id),
                PERSON_ADDRESS.PERSON_ID.eq(id), PERSON_TAG.PERSON_ID.eq(id));
        return Optional.of(toPerson(r, c));
    }

    public boolean exists(Tx tx, long id) {
        return tx.dsl().fetchExists(PERSON, PERSON.ID.eq(id));
    }

    public int count(Tx tx) {
        return tx.dsl().fetchCount(PERSON);
    }

    /** Streams every person, fully loaded, in id order (five queries, whatever the count). */
    public void forEach(Tx tx, Consumer<Person> consumer) {
        Children c = Children.load(tx.dsl(), DSL.trueCondition(), DSL.trueCondition(), DSL.trueCondition(),
                DSL.trueCondition());
        try (var cursor = baseQuery(tx.dsl()).orderBy(PERSON.ID).fetchSize(2000).fetchLazy()) {
            for (Record r : cursor) {
                consumer.accept(toPerson(r, c));
            }
        }
    }

    /**
     * What the duplicate check compares of one person: names, birth date, e-mail addresses,
     * phones (E.164 where known) and the first postal address.
     */
    public record MatchRow(long id, String sourceRecordId, String givenName, String familyName,
            java.time.LocalDate birthDate, List<String> emails, List<String> phones, String street, String houseNumber,
            String postcode, String city) {}

    /**
     * Streams every person in id order as the duplicate check sees them: four narrow queries
     * instead of the full load of {@link #forEach}, for scans of the whole database. The three
     * child tables are read on another thread (with a connection of their own when {@code tx}
     * comes from {@link Database#read}) while this one reads the people.
     */
    public void forEachMatchRow(Tx tx, Consumer<MatchRow> consumer) {
        DSLContext dsl = tx.dsl();
        var children = java.util.concurrent.CompletableFuture.supplyAsync(() -> matchChildren(dsl));
        String sql = dsl.select(PERSON.ID, PERSON.SOURCE_RECORD_ID, PERSON.GIVEN_NAME, PERSON.FAMILY_NAME,
                PERSON.BIRTH_DATE).from(PERSON).orderBy(PERSON.ID).getSQL();
        List<Object[]> people = query(dsl, sql, rs -> {
            List<Object[]> out = new ArrayList<>();
            while (rs.next()) {
                java.sql.Date d = rs.getDate(5);
                out.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                    d == null ? null : d.toLocalDate()});
            }
            return out;
        });
        MatchChildren c = children.join();
        String[] none = new String[5];
        for (Object[] p : people) {
            long id = (Long) p[0];
            String[] a = c.addresses().getOrDefault(id, none);
            consumer.accept(new MatchRow(id, (String) p[1], (String) p[2], (String) p[3], (java.time.LocalDate) p[4],
                    c.emails().getOrDefault(id, List.of()), c.phones().getOrDefault(id, List.of()), a[0], a[1], a[2],
                    a[3]));
        }
    }

    private record MatchChildren(Map<Long, List<String>> emails, Map<Long, List<String>> phones,
            Map<Long, String[]> addresses) {}

    /** E-mails, phones (E.164 where known) and the first address of every person, in table order (no sort). */
    private static MatchChildren matchChildren(DSLContext dsl) {
        Map<Long, List<String>> emails = query(dsl,
                dsl.select(PERSON_EMAIL.PERSON_ID, PERSON_EMAIL.ADDRESS).from(PERSON_EMAIL).getSQL(), rs -> {
                    Map<Long, List<String>> m = new HashMap<>();
                    while (rs.next()) {
                        m.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(1)).add(rs.getString(2));
                    }
                    return m;
                });
        Map<Long, List<String>> phones = query(dsl,
                dsl.select(PERSON_PHONE.PERSON_ID, PERSON_PHONE.E164, PERSON_PHONE.RAW).from(PERSON_PHONE).getSQL(),
                rs -> {
                    Map<Long, List<String>> m = new HashMap<>();
                    while (rs.next()) {
                        String e164 = rs.getString(2);
                        m.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>(1))
                                .add(e164.isEmpty() ? rs.getString(3) : e164);
                    }
                    return m;
                });
        Map<Long, String[]> addresses = query(dsl, dsl.select(PERSON_ADDRESS.PERSON_ID, PERSON_ADDRESS.STREET,
                PERSON_ADDRESS.HOUSE_NUMBER, PERSON_ADDRESS.POSTCODE, PERSON_ADDRESS.CITY, PERSON_ADDRESS.POSITION)
                .from(PERSON_ADDRESS).getSQL(), rs -> {
                    Map<Long, String[]> m = new HashMap<>();
                    Map<Long, Integer> position = new HashMap<>();
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        int pos = rs.getInt(6);
                        Integer seen = position.get(id);
                        if (seen == null || pos < seen) {
                            position.put(id, pos);
                            m.put(id, new String[] {rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5)});
                        }
                    }
                    return m;
                });
        return new MatchChildren(emails, phones, addresses);
    }

    private interface RowsReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Runs a query of the store's own making directly on JDBC (no record objects per row). */
    private static <T> T query(DSLContext dsl, String sql, RowsReader<T> reader) {
        return dsl.connectionResult(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(5000);
                try (ResultSet rs = ps.executeQuery()) {
                    return reader.read(rs);
                }
            }
        });
    }

    /** Ids of the people who work for an organisation. */
    public List<Long> idsOfOrganisation(Tx tx, long organisationId) {
        return tx.dsl().select(PERSON.ID).from(PERSON).where(PERSON.ORGANISATION_ID.eq(organisationId))
                .orderBy(PERSON.FAMILY_NAME, PERSON.GIVEN_NAME).fetch(PERSON.ID);
    }

    private void requireOne(Tx tx, int rows, long id) {
        if (rows == 1) {
            return;
        }
        if (exists(tx, id)) {
            throw new StaleDataException(ENTITY, id);
        }
        throw new NotFoundException(ENTITY, id);
    }

    private static org.jooq.SelectOnConditionStep<Record> baseQuery(DSLContext dsl) {
        return dsl.select(PERSON.fields())
                .select(ORGANISATION.NAME, APP_USER.USERNAME)
                .from(PERSON)
                .leftJoin(ORGANISATION).on(ORGANISATION.ID.eq(PERSON.ORGANISATION_ID))
                .join(APP_USER).on(APP_USER.ID.eq(PERSON.CAPTURED_BY));
    }

    private static void insertChildren(DSLContext dsl, long id, PersonData d) {
        if (!d.emails().isEmpty()) {
            var q = dsl.insertInto(PERSON_EMAIL, PERSON_EMAIL.PERSON_ID, PERSON_EMAIL.POSITION, PERSON_EMAIL.KIND,
                    PERSON_EMAIL.ADDRESS);
            for (int i = 0; i < d.emails().size(); i++) {
                EmailAddress e = d.emails().get(i);
                q = q.values(id, i, e.kind().key(), e.address());
            }
            q.execute();
        }
        if (!d.phones().isEmpty()) {
            var q = dsl.insertInto(PERSON_PHONE, PERSON_PHONE.PERSON_ID, PERSON_PHONE.POSITION, PERSON_PHONE.KIND,
                    PERSON_PHONE.RAW, PERSON_PHONE.E164);
            for (int i = 0; i < d.phones().size(); i++) {
                PhoneNumber p = d.phones().get(i);
                q = q.values(id, i, p.kind().key(), p.raw(), p.e164());
            }
            q.execute();
        }
        if (!d.addresses().isEmpty()) {
            var q = dsl.insertInto(PERSON_ADDRESS, PERSON_ADDRESS.PERSON_ID, PERSON_ADDRESS.POSITION,
                    PERSON_ADDRESS.KIND, PERSON_ADDRESS.STREET, PERSON_ADDRESS.HOUSE_NUMBER,
                    PERSON_ADDRESS.ADDRESS_LINE2, PERSON_ADDRESS.POSTCODE, PERSON_ADDRESS.CITY, PERSON_ADDRESS.REGION,
                    PERSON_ADDRESS.COUNTRY);
            for (int i = 0; i < d.addresses().size(); i++) {
                PostalAddress a = d.addresses().get(i);
                q = q.values(id, i, a.kind().key(), a.street(), a.houseNumber(), a.addressLine2(), a.postcode(),
                        a.city(), a.region(), a.country());
            }
            q.execute();
        }
        if (!d.tags().isEmpty()) {
            var q = dsl.insertInto(PERSON_TAG, PERSON_TAG.PERSON_ID, PERSON_TAG.TAG);
            for (String tag : d.tags()) {
                q = q.values(id, tag);
            }
            q.execute();
        }
    }

    private static Person toPerson(Record r, Children c) {
        long id = r.get(PERSON.ID);
        PersonData data = new PersonData(
                r.get(PERSON.SALUTATION), r.get(PERSON.TITLE), r.get(PERSON.GIVEN_NAME), r.get(PERSON.FAMILY_NAME),
                r.get(PERSON.BIRTH_DATE), r.get(PERSON.LANGUAGE), r.get(ORGANISATION.NAME), r.get(PERSON.JOB_TITLE),
                c.emails.getOrDefault(id, List.of()), c.phones.getOrDefault(id, List.of()),
                c.addresses.getOrDefault(id, List.of()), c.tags.getOrDefault(id, List.of()), r.get(PERSON.NOTES));
        Provenance p = new Provenance(
                SourceKind.fromKey(r.get(PERSON.SOURCE_KIND)).orElse(SourceKind.OTHER),
                r.get(PERSON.SOURCE_DETAIL), r.get(PERSON.SOURCE_FILE), r.get(PERSON.SOURCE_RECORD_ID),
                r.get(PERSON.CAPTURED_AT).toInstant(), r.get(APP_USER.USERNAME));
        return new Person(id, r.get(PERSON.VERSION), data, r.get(PERSON.ORGANISATION_ID), p,
                r.get(PERSON.CREATED_AT).toInstant(), r.get(PERSON.UPDATED_AT).toInstant());
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static ContactKind kind(String key) {
        return ContactKind.fromKey(key).orElse(ContactKind.OTHER);
    }

    /** A prospect with an order becomes a customer (deletion concept: another category). */
    public void promoteToCustomer(Tx tx, long personId) {
        tx.dsl().update(PERSON).set(PERSON.CATEGORY_KEY, "customer")
                .where(PERSON.ID.eq(personId).and(PERSON.CATEGORY_KEY.eq("prospect"))).execute();
    }

    /** The survivor a merged-away id redirects to, if any. */
    public Optional<Long> redirect(Tx tx, long id) {
        return tx.dsl().select(de.kontor.store.jooq.Tables.PERSON_REDIRECT.NEW_ID)
                .from(de.kontor.store.jooq.Tables.PERSON_REDIRECT)
                .where(de.kontor.store.jooq.Tables.PERSON_REDIRECT.OLD_ID.eq(id))
                .fetchOptional(de.kontor.store.jooq.Tables.PERSON_REDIRECT.NEW_ID);
    }

    /** Child rows grouped by person id, in their stored order. */
    private record Children(
            Map<Long, List<EmailAddress>> emails,
            Map<Long, List<PhoneNumber>> phones,
            Map<Long, List<PostalAddress>> addresses,
            Map<Long, List<String>> tags) {

        static Children load(DSLContext dsl, Condition e, Condition p, Condition a, Condition t) {
            Map<Long, List<EmailAddress>> emails = new HashMap<>();
            dsl.select(PERSON_EMAIL.PERSON_ID, PERSON_EMAIL.KIND, PERSON_EMAIL.ADDRESS).from(PERSON_EMAIL).where(e)
                    .orderBy(PERSON_EMAIL.PERSON_ID, PERSON_EMAIL.POSITION)
                    .forEach(r -> emails.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                            .add(new EmailAddress(kind(r.value2()), r.value3())));
            Map<Long, List<PhoneNumber>> phones = new HashMap<>();
            dsl.select(PERSON_PHONE.PERSON_ID, PERSON_PHONE.KIND, PERSON_PHONE.RAW, PERSON_PHONE.E164).from(PERSON_PHONE)
                    .where(p).orderBy(PERSON_PHONE.PERSON_ID, PERSON_PHONE.POSITION)
                    .forEach(r -> phones.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                            .add(new PhoneNumber(kind(r.value2()), r.value3(), r.value4())));
            Map<Long, List<PostalAddress>> addresses = new HashMap<>();
            dsl.selectFrom(PERSON_ADDRESS).where(a).orderBy(PERSON_ADDRESS.PERSON_ID, PERSON_ADDRESS.POSITION)
                    .forEach(r -> addresses.computeIfAbsent(r.getPersonId(), k -> new ArrayList<>())
                            .add(new PostalAddress(kind(r.getKind()), r.getStreet(), r.getHouseNumber(),
                                    r.getAddressLine2(), r.getPostcode(), r.getCity(), r.getRegion(), r.getCountry())));
            Map<Long, List<String>> tags = new HashMap<>();
            dsl.select(PERSON_TAG.PERSON_ID, PERSON_TAG.TAG).from(PERSON_TAG).where(t)
                    .orderBy(PERSON_TAG.PERSON_ID, PERSON_TAG.TAG)
                    .forEach(r -> tags.computeIfAbsent(r.value1(), k -> new ArrayList<>()).add(r.value2()));
            return new Children(emails, phones, addresses, tags);
        }
    }
}

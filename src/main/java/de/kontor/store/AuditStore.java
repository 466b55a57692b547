package de.kontor.store;

import static de.kontor.store.jooq.Tables.AUDIT_ENTRY;
import static de.kontor.store.jooq.Tables.AUDIT_HEAD;

import de.kontor.domain.Principal;
import de.kontor.domain.audit.AuditAction;
import de.kontor.domain.audit.AuditChain;
import de.kontor.domain.audit.AuditChange;
import de.kontor.domain.audit.AuditEntry;
import de.kontor.domain.audit.AuditVerification;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.jooq.Record;
import org.jooq.Record2;
import de.kontor.store.jooq.tables.records.AuditEntryRecord;
import java.time.OffsetDateTime;

/**
 * The append-only, hash-chained audit trail. Appends lock the single head row, so writers
 * (threads or processes sharing the file) are serialised and the chain never forks. There is
 * no update or delete of entries here; erasure of values is a separate, audited path.
 */
public final class AuditStore {
    private final SecureRandom random;

    public AuditStore(SecureRandom random) {
        this.random = random;
    }

    /** Appends the changes in order, as the principal, at {@code at}. */
    public void append(Tx tx, Principal actor, Instant at, List<AuditChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        Record2<Long, String> head = tx.dsl().select(AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_HASH)
                .from(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).forUpdate().fetchSingle();
        long seq = head.value1();
        String prev = head.value2();
        // Truncated to microseconds: what the TIMESTAMP(6) column keeps, so the hash re-computes.
        Instant when = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        OffsetDateTime whenUtc = when.atOffset(ZoneOffset.UTC);
        String sql = tx.dsl().insertInto(AUDIT_ENTRY, AUDIT_ENTRY.SEQ, AUDIT_ENTRY.AT, AUDIT_ENTRY.ACTOR_ID,
                AUDIT_ENTRY.ACTOR_NAME, AUDIT_ENTRY.ACTION, AUDIT_ENTRY.ENTITY_TYPE, AUDIT_ENTRY.ENTITY_ID,
                AUDIT_ENTRY.PERSON_ID, AUDIT_ENTRY.FIELD, AUDIT_ENTRY.OLD_VALUE, AUDIT_ENTRY.NEW_VALUE,
                AUDIT_ENTRY.VALUE_SALT, AUDIT_ENTRY.VALUES_DIGEST, AUDIT_ENTRY.PREV_HASH, AUDIT_ENTRY.ENTRY_HASH)
                .values(java.util.Collections.nCopies(15, (Object) null)).getSQL();
        byte[] saltBytes = new byte[16];
        long[] seqHolder = {seq};
        String[] prevHolder = {prev};
        // One prepared statement and JDBC batches: a bulk import appends a million entries.
        tx.dsl().connection(c -> {
            try (PersonStore.Batch batch = new PersonStore.Batch(c, sql)) {
                long s = seqHolder[0];
                String p = prevHolder[0];
                for (AuditChange ch : changes) {
                    s++;
                    random.nextBytes(saltBytes);
                    String salt = HexFormat.of().formatHex(saltBytes);
                    String digest = AuditChain.valuesDigest(salt, ch.oldValue(), ch.newValue());
                    String hash = AuditChain.entryHash(p, s, when, actor.userId(), actor.username(), ch.action(),
                            ch.entityType(), ch.entityId(), ch.personId(), ch.field(), digest);
                    batch.add(s, whenUtc, actor.userId(), actor.username(), ch.action().name(), ch.entityType(),
                            ch.entityId(), ch.personId(), ch.field(), ch.oldValue(), ch.newValue(), salt, digest, p,
                            hash);
                    p = hash;
                }
                seqHolder[0] = s;
                prevHolder[0] = p;
            }
        });
        seq = seqHolder[0];
        prev = prevHolder[0];
        tx.dsl().update(AUDIT_HEAD).set(AUDIT_HEAD.LAST_SEQ, seq).set(AUDIT_HEAD.LAST_HASH, prev)
                .where(AUDIT_HEAD.ID.eq(1)).execute();
    }

    /** The sequence number of the newest entry: a change counter for the whole database. */
    public long headSeq(Tx tx) {
        return tx.dsl().select(AUDIT_HEAD.LAST_SEQ).from(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchSingle().value1();
    }

    /** The people touched by entries after {@code seq} (by this or another process). */
    public List<Long> personIdsSince(Tx tx, long seq) {
        return tx.dsl().selectDistinct(AUDIT_ENTRY.PERSON_ID).from(AUDIT_ENTRY)
                .where(AUDIT_ENTRY.SEQ.gt(seq).and(AUDIT_ENTRY.PERSON_ID.isNotNull())).fetch(AUDIT_ENTRY.PERSON_ID);
    }

    /** Entries about one person (newest first), or all entries when {@code personId} is null. */
    public List<AuditEntry> log(Tx tx, Long personId, int limit) {
        var q = tx.dsl().selectFrom(AUDIT_ENTRY);
        var where = personId == null ? q.where(org.jooq.impl.DSL.trueCondition()) : q.where(AUDIT_ENTRY.PERSON_ID.eq(personId));
        return where.orderBy(AUDIT_ENTRY.SEQ.desc()).limit(limit).fetch().map(AuditStore::toEntry);
    }

    /** Streams the whole chain in order and checks every link. */
    public AuditVerification verify(Tx tx) {
        Record2<Long, String> head = tx.dsl().select(AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_HASH)
                .from(AUDIT_HEAD).where(AUDIT_HEAD.ID.eq(1)).fetchSingle();
        String prev = AuditChain.GENESIS;
        long expected = 1;
        try (var cursor = tx.dsl().selectFrom(AUDIT_ENTRY).orderBy(AUDIT_ENTRY.SEQ).fetchSize(1000).fetchLazy()) {
            for (AuditEntryRecord r : cursor) {
                AuditEntry e = toEntry(r);
                String problem = AuditChain.check(e, prev, expected);
                if (problem != null) {
                    return new AuditVerification(expected - 1, e.seq(), problem);
                }
                prev = e.entryHash();
                expected++;
            }
        }
        long count = expected - 1;
        if (head.value1() != count || !head.value2().equals(prev)) {
            return new AuditVerification(count, count + 1, "audit.verify.truncated");
        }
        return AuditVerification.ok(count);
    }

    private static AuditEntry toEntry(Record r) {
        return new AuditEntry(r.get(AUDIT_ENTRY.SEQ), r.get(AUDIT_ENTRY.AT).toInstant(), r.get(AUDIT_ENTRY.ACTOR_ID),
                r.get(AUDIT_ENTRY.ACTOR_NAME), AuditAction.valueOf(r.get(AUDIT_ENTRY.ACTION)),
                r.get(AUDIT_ENTRY.ENTITY_TYPE), r.get(AUDIT_ENTRY.ENTITY_ID), r.get(AUDIT_ENTRY.PERSON_ID),
                r.get(AUDIT_ENTRY.FIELD), r.get(AUDIT_ENTRY.OLD_VALUE), r.get(AUDIT_ENTRY.NEW_VALUE),
                r.get(AUDIT_ENTRY.VALUE_SALT), r.get(AUDIT_ENTRY.VALUES_DIGEST), r.get(AUDIT_ENTRY.PREV_HASH),
                r.get(AUDIT_ENTRY.ENTRY_HASH));
    }
}

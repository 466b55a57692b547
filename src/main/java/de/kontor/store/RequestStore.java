package de.kontor.store;

import static de.kontor.store.jooq.Tables.APP_USER;
import static de.kontor.store.jooq.Tables.REQUEST_FILE;
import static de.kontor.store.jooq.Tables.SUBJECT_REQUEST;

import de.kontor.domain.NotFoundException;
import de.kontor.domain.privacy.Keyed;
import de.kontor.domain.request.RequestStatus;
import de.kontor.domain.request.RequestType;
import de.kontor.domain.request.SentFile;
import de.kontor.domain.request.SubjectRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.Record;
import org.jooq.impl.DSL;

/** The register of data subject requests (Art. 12) and the files sent for them. */
public final class RequestStore {
    public static final String ENTITY = "request";

    public long insert(Tx tx, RequestType type, Long personId, String requester, LocalDate received, String channel,
            String identity, LocalDate due, long userId, Instant now) {
        return tx.dsl().insertInto(SUBJECT_REQUEST).set(SUBJECT_REQUEST.REQUEST_TYPE, type.key())
                .set(SUBJECT_REQUEST.PERSON_ID, personId).set(SUBJECT_REQUEST.REQUESTER, requester)
                .set(SUBJECT_REQUEST.RECEIVED_ON, received).set(SUBJECT_REQUEST.CHANNEL, channel)
                .set(SUBJECT_REQUEST.IDENTITY_VERIFIED, identity).set(SUBJECT_REQUEST.DUE_ON, due)
                .set(SUBJECT_REQUEST.STATUS, RequestStatus.OPEN.key())
                .set(SUBJECT_REQUEST.CREATED_AT, utc(now)).set(SUBJECT_REQUEST.CREATED_BY, userId)
                .returningResult(SUBJECT_REQUEST.ID).fetchOne().value1();
    }

    public Optional<SubjectRequest> find(Tx tx, long id) {
        List<SubjectRequest> found = select(tx, SUBJECT_REQUEST.ID.eq(id));
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    public SubjectRequest get(Tx tx, long id) {
        return find(tx, id).orElseThrow(() -> new NotFoundException(ENTITY, id));
    }

    /** Every request (or only the open ones), oldest deadline first. */
    public List<SubjectRequest> list(Tx tx, boolean openOnly) {
        return select(tx, openOnly ? SUBJECT_REQUEST.STATUS.eq(RequestStatus.OPEN.key()) : DSL.noCondition());
    }

    public List<SubjectRequest> forPerson(Tx tx, long personId) {
        return select(tx, SUBJECT_REQUEST.PERSON_ID.eq(personId));
    }

    /** Open requests whose deadline (extended or not) is on or before {@code day}. */
    public List<SubjectRequest> openDueBy(Tx tx, LocalDate day) {
        return select(tx, SUBJECT_REQUEST.STATUS.eq(RequestStatus.OPEN.key())
                .and(DSL.coalesce(SUBJECT_REQUEST.EXTENDED_TO, SUBJECT_REQUEST.DUE_ON).le(day)));
    }

    public void extend(Tx tx, long id, LocalDate to, String reason) {
        tx.dsl().update(SUBJECT_REQUEST).set(SUBJECT_REQUEST.EXTENDED_TO, to)
                .set(SUBJECT_REQUEST.EXTENSION_REASON, reason).where(SUBJECT_REQUEST.ID.eq(id)).execute();
    }

    public void close(Tx tx, long id, Instant at) {
        tx.dsl().update(SUBJECT_REQUEST).set(SUBJECT_REQUEST.STATUS, RequestStatus.CLOSED.key())
                .set(SUBJECT_REQUEST.CLOSED_AT, utc(at)).where(SUBJECT_REQUEST.ID.eq(id)).execute();
    }

    public void linkPerson(Tx tx, long id, long personId) {
        tx.dsl().update(SUBJECT_REQUEST).set(SUBJECT_REQUEST.PERSON_ID, personId).where(SUBJECT_REQUEST.ID.eq(id))
                .execute();
    }

    public long addFile(Tx tx, long requestId, String fileName, String sha256, long userId, Instant at) {
        return tx.dsl().insertInto(REQUEST_FILE).set(REQUEST_FILE.REQUEST_ID, requestId)
                .set(REQUEST_FILE.FILE_NAME, fileName).set(REQUEST_FILE.SHA256, sha256)
                .set(REQUEST_FILE.SENT_AT, utc(at)).set(REQUEST_FILE.SENT_BY, userId)
                .returningResult(REQUEST_FILE.ID).fetchOne().value1();
    }

    private List<SubjectRequest> select(Tx tx, Condition where) {
        Map<Long, SubjectRequest> byId = new LinkedHashMap<>();
        for (Record r : tx.dsl().selectFrom(SUBJECT_REQUEST).where(where)
                .orderBy(DSL.coalesce(SUBJECT_REQUEST.EXTENDED_TO, SUBJECT_REQUEST.DUE_ON), SUBJECT_REQUEST.ID)
                .fetch()) {
            SubjectRequest s = map(r);
            byId.put(s.id(), s);
        }
        if (byId.isEmpty()) {
            return List.of();
        }
        Map<Long, List<SentFile>> files = new LinkedHashMap<>();
        tx.dsl().select(REQUEST_FILE.fields()).select(APP_USER.USERNAME).from(REQUEST_FILE).join(APP_USER)
                .on(APP_USER.ID.eq(REQUEST_FILE.SENT_BY)).where(REQUEST_FILE.REQUEST_ID.in(byId.keySet()))
                .orderBy(REQUEST_FILE.ID).fetch()
                .forEach(r -> files.computeIfAbsent(r.get(REQUEST_FILE.REQUEST_ID), k -> new ArrayList<>())
                        .add(new SentFile(r.get(REQUEST_FILE.ID), r.get(REQUEST_FILE.REQUEST_ID),
                                r.get(REQUEST_FILE.FILE_NAME), r.get(REQUEST_FILE.SHA256),
                                r.get(REQUEST_FILE.SENT_AT).toInstant(), r.get(APP_USER.USERNAME))));
        List<SubjectRequest> out = new ArrayList<>(byId.size());
        for (SubjectRequest s : byId.values()) {
            out.add(s.withFiles(files.getOrDefault(s.id(), List.of())));
        }
        return out;
    }

    private static SubjectRequest map(Record r) {
        OffsetDateTime closed = r.get(SUBJECT_REQUEST.CLOSED_AT);
        return new SubjectRequest(r.get(SUBJECT_REQUEST.ID),
                Keyed.fromKey(RequestType.class, r.get(SUBJECT_REQUEST.REQUEST_TYPE)).orElseThrow(),
                r.get(SUBJECT_REQUEST.PERSON_ID), r.get(SUBJECT_REQUEST.REQUESTER), r.get(SUBJECT_REQUEST.RECEIVED_ON),
                r.get(SUBJECT_REQUEST.CHANNEL), r.get(SUBJECT_REQUEST.IDENTITY_VERIFIED), r.get(SUBJECT_REQUEST.DUE_ON),
                r.get(SUBJECT_REQUEST.EXTENDED_TO), r.get(SUBJECT_REQUEST.EXTENSION_REASON),
                Keyed.fromKey(RequestStatus.class, r.get(SUBJECT_REQUEST.STATUS)).orElseThrow(),
                closed == null ? null : closed.toInstant(), r.get(SUBJECT_REQUEST.CREATED_AT).toInstant(), List.of());
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}

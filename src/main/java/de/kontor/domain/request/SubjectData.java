package de.kontor.domain.request;

import de.kontor.domain.Activity;
import de.kontor.domain.Person;
import de.kontor.domain.audit.AuditEntry;
import de.kontor.domain.privacy.BasisRecord;
import de.kontor.domain.privacy.Consent;
import de.kontor.domain.privacy.InformationRecord;
import de.kontor.domain.privacy.Objection;
import de.kontor.domain.privacy.ProcessingDecision;
import de.kontor.domain.retention.Restriction;
import java.util.List;

/**
 * Everything Kontor stores about one person, as copied into an access report (Art. 15(3)) and a
 * portability export (Art. 20): master and contact data with provenance, the data category of
 * the deletion concept, an active restriction, purposes with their decisions today, lawful-basis
 * and consent history, objections, information records, activities, documents (listed), the
 * person's audit history and the requests they made. Lists are never null.
 */
public record SubjectData(
        Person person,
        String category,
        Restriction restriction,
        List<ProcessingDecision> decisions,
        List<BasisRecord> bases,
        List<Consent> consents,
        List<Objection> objections,
        List<InformationRecord> information,
        List<Activity> activities,
        List<DocumentInfo> documents,
        List<AuditEntry> audit,
        List<SubjectRequest> requests) {

    public SubjectData {
        decisions = List.copyOf(decisions);
        bases = List.copyOf(bases);
        consents = List.copyOf(consents);
        objections = List.copyOf(objections);
        information = List.copyOf(information);
        activities = List.copyOf(activities);
        documents = List.copyOf(documents);
        audit = List.copyOf(audit);
        requests = List.copyOf(requests);
    }

    public long id() {
        return person.id();
    }
}

package de.kontor.ui.requests;

import de.kontor.domain.NotFoundException;
import de.kontor.domain.Person;
import de.kontor.domain.Principal;
import de.kontor.domain.request.SubjectRequest;
import de.kontor.service.ContactService;
import de.kontor.ui.UiText;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Texts shared by the register and its dashboard cards: who asked, and how many days are left. */
final class RequestTexts {
    private final UiText text;

    RequestTexts(UiText text) {
        this.text = text;
    }

    /** The person, or null when erased (the request stays in the register). */
    static Person person(ContactService contacts, Principal principal, long id) {
        try {
            return contacts.get(principal, id);
        } catch (NotFoundException gone) {
            return null;
        }
    }

    /** The person's name, the requester as recorded (unmatched), or "person no. 7 (erased)". */
    String who(SubjectRequest r, Person p) {
        if (r.personId() == null) {
            return r.requester() == null ? "" : r.requester() + " " + text.get("ui.requests.unmatched");
        }
        return p == null ? text.get("ui.requests.personGone", Long.toString(r.personId())) : p.displayName();
    }

    /** Days from {@code today} to the deadline. */
    static long daysLeft(SubjectRequest r, LocalDate today) {
        return ChronoUnit.DAYS.between(today, r.deadline());
    }

    /** "5 days" or "3 days overdue". */
    String days(long days) {
        return days < 0 ? text.get("ui.requests.daysOverdue", -days) : text.get("ui.requests.daysLeftValue", days);
    }

    String type(SubjectRequest r) {
        return text.get("request.type." + r.type().key());
    }
}

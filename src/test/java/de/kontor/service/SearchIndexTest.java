package de.kontor.service;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.PersonSummary;
import de.kontor.domain.PostalAddress;
import de.kontor.domain.ContactKind;
import de.kontor.domain.Provenance;
import de.kontor.domain.SourceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The joined-text scan behind search as you type: same answers as checking every person. */
class SearchIndexTest {
    private static Person person(long id, String given, String family, String city) {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        PersonData d = PersonData.named(given, family).withAddresses(List.of(
                new PostalAddress(ContactKind.WORK, null, null, null, null, city, null, "DE")));
        return new Person(id, 1, d, null, new Provenance(SourceKind.MANUAL, null, null, null, now, "t"), now, now);
    }

    private static List<Person> people() {
        List<Person> p = new ArrayList<>();
        p.add(person(1, "Anna", "Müller", "Köln"));
        p.add(person(2, "Mehmet", "Yılmaz", "Berlin"));
        p.add(person(3, "Jürgen", "Strauß", "Münster"));
        p.add(person(4, "Eva", "Mueller", "Kölnberg"));
        for (int i = 5; i < 1200; i++) {
            p.add(person(i, "Vorname" + i, "Name" + (i % 97), i % 2 == 0 ? "Bonn" : "Ulm"));
        }
        return p;
    }

    @Test
    void findsAllWordsInListOrderWithTotal() {
        SearchIndex index = new SearchIndex();
        index.rebuild(people());
        assertThat(index.search("köln", 10).rows()).extracting(PersonSummary::id).containsExactly(4L, 1L);
        assertThat(index.search("mu koln", 10).rows()).extracting(PersonSummary::id).containsExactly(4L, 1L);
        assertThat(index.search("müller köln", 10).rows()).extracting(PersonSummary::id).containsExactly(1L);
        assertThat(index.search("strauss", 10).total()).isEqualTo(1);
        assertThat(index.search("yilmaz", 10).total()).isEqualTo(1);
        SearchIndex.Result bonn = index.search("bonn", 5);
        assertThat(bonn.rows()).hasSize(5);
        assertThat(bonn.total()).isEqualTo(people().stream().filter(p -> p.id() >= 5 && p.id() % 2 == 0).count());
        assertThat(index.search("", 3).total()).isEqualTo(1199);
        assertThat(index.search("\u0002", 3).total()).isEqualTo(1199);
        assertThat(index.search("nobody here", 3).total()).isZero();
    }

    @Test
    void bulkAndSingleUpdatesKeepTheSameOrder() {
        SearchIndex bulk = new SearchIndex();
        bulk.putAll(people());
        SearchIndex single = new SearchIndex();
        people().forEach(single::put);
        assertThat(single.search("", 5000).rows()).isEqualTo(bulk.search("", 5000).rows());
        bulk.remove(1);
        assertThat(bulk.search("köln", 10).rows()).extracting(PersonSummary::id).containsExactly(4L);
    }

    @Test
    void aRenamedPersonMovesToTheSamePlaceAsInAFullSort() {
        List<Person> all = new ArrayList<>(people());
        SearchIndex index = new SearchIndex();
        index.rebuild(all);
        Person renamed = person(3, "Jürgen", "Äbersold", "Münster");
        Person added = person(5000, "Zoë", "Name5", "Bonn");
        index.put(renamed);
        index.putAll(List.of(added, person(5001, "Ärmin", "Müller", "Köln")));
        index.putAll(List.of());
        all.set(2, renamed);
        all.add(added);
        all.add(person(5001, "Ärmin", "Müller", "Köln"));
        SearchIndex fresh = new SearchIndex();
        fresh.rebuild(all);
        assertThat(index.search("", 5000).rows()).isEqualTo(fresh.search("", 5000).rows());
        assertThat(index.search("", 1).rows()).extracting(PersonSummary::id).containsExactly(3L);
    }
}

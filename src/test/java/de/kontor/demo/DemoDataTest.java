package de.kontor.demo;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.domain.ContactRules;
import de.kontor.domain.PersonData;
import de.kontor.domain.SourceKind;
import de.kontor.service.ContactService.NewPerson;
import de.kontor.testing.TestWorkspaces;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDataTest {
    @TempDir
    Path dir;

    @Test
    void everyGeneratedPersonPassesTheContactRules() {
        ContactRules rules = new ContactRules();
        List<NewPerson> people = new DemoData(7, 0.2).generate(2000);
        assertThat(people).hasSize(2000);
        for (NewPerson p : people) {
            PersonData n = rules.normalise(p.data());
            assertThat(rules.validate(n, LocalDate.now())).as(p.data().toString()).isEmpty();
        }
        List<String> countries = people.stream().map(p -> p.data().addresses().get(0).country()).distinct().toList();
        assertThat(countries).contains("DE", "AT", "CH");
        List<String> phones = people.stream().map(p -> p.data().phones().get(0).raw()).toList();
        assertThat(phones).anyMatch(s -> s.startsWith("+49 ")).anyMatch(s -> s.startsWith("+43 "))
                .anyMatch(s -> s.startsWith("+41 ")).anyMatch(s -> s.startsWith("(0")).anyMatch(s -> s.matches("0\\d+ \\d+"));
        assertThat(people).anyMatch(p -> p.data().familyName().matches(".*[äöüß].*"));
        assertThat(people).anyMatch(p -> p.data().addresses().get(0).street().endsWith("str."));
        assertThat(people).anyMatch(p -> p.data().organisation() != null && p.data().organisation().endsWith(" e.K."));
        assertThat(people.stream().map(p -> p.source().kind()).distinct().toList())
                .contains(SourceKind.MANUAL, SourceKind.BUSINESS_CARD, SourceKind.WEB_FORM, SourceKind.IMPORT);
    }

    @Test
    void sameSeedGivesTheSamePeople() {
        assertThat(new DemoData(42, 0.1).generate(300)).isEqualTo(new DemoData(42, 0.1).generate(300));
        assertThat(new DemoData(42, 0.1).generate(300)).isNotEqualTo(new DemoData(43, 0.1).generate(300));
    }

    @Test
    void requestedShareAreNearDuplicatesOfEarlierPeople() {
        DemoData gen = new DemoData(5, 0.25);
        Set<String> originalEmails = new HashSet<>();
        Set<String> originals = new HashSet<>();
        int dups = 0;
        int exactCopies = 0;
        for (int i = 0; i < 1000; i++) {
            NewPerson p = gen.next();
            String email = p.data().emails().get(0).address();
            String key = p.data().givenName() + "|" + p.data().familyName() + "|"
                    + p.data().addresses().get(0).street() + "|" + p.data().phones().get(0).raw();
            if (gen.lastWasDuplicate()) {
                dups++;
                // a near-duplicate keeps the e-mail of someone generated before, but differs a little
                assertThat(originalEmails).contains(email);
                if (originals.contains(key)) {
                    exactCopies++;
                }
            } else {
                originalEmails.add(email);
                originals.add(key);
            }
        }
        assertThat(dups).isEqualTo(250).isEqualTo(gen.duplicates());
        assertThat(exactCopies).isLessThan(25);
    }

    @Test
    void variantsOfUmlautsAndStreets() {
        assertThat(DemoData.umlautVariant("Müller")).isEqualTo("Mueller");
        assertThat(DemoData.umlautVariant("Strauß")).isEqualTo("Strauss");
        assertThat(DemoData.umlautVariant("Mueller")).isEqualTo("Müller");
        assertThat(DemoData.streetVariant("Hauptstraße")).isEqualTo("Hauptstr.");
        assertThat(DemoData.streetVariant("Hauptstr.")).isEqualTo("Hauptstraße");
        assertThat(DemoData.ascii("Jürgen Groß")).isEqualTo("juergengross");
    }

    @Test
    void writesThroughTheServicesWithActivities() {
        try (Workspace w = TestWorkspaces.create(dir)) {
            DemoData.Stats s = new DemoData(3, 0.1).write(w.contacts(), w.activities(), w.principal(), 120, 50,
                    n -> { });
            assertThat(s.people()).isEqualTo(120);
            assertThat(s.duplicates()).isEqualTo(12);
            assertThat(s.activities()).isPositive();
            assertThat(w.contacts().count(w.principal())).isEqualTo(120);
            assertThat(w.audit().verify(w.principal()).ok()).isTrue();
        }
    }
}

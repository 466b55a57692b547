package de.kontor.service;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.demo.DemoData;
import de.kontor.domain.Person;
import de.kontor.testing.TestWorkspaces;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** createAll with more people than one JDBC batch: ids, children, organisations and audit line up. */
class BulkCreateTest {
    @TempDir
    Path dir;

    @Test
    void everyCreatedPersonReadsBackAsSaved() {
        try (Workspace w = TestWorkspaces.create(dir)) {
            List<ContactService.NewPerson> people = new DemoData(11, 0.1).generate(1500);
            List<Person> created = w.contacts().createAll(w.principal(), people);
            assertThat(created).hasSize(1500);
            assertThat(created.stream().map(Person::id).distinct().count()).isEqualTo(1500);
            for (int i : new int[] {0, 999, 1000, 1001, 1499}) {
                Person stored = w.contacts().get(w.principal(), created.get(i).id());
                assertThat(stored.data()).isEqualTo(created.get(i).data());
                assertThat(stored.provenance().kind()).isEqualTo(people.get(i).source().kind());
                // A bulk create records one IMPORT entry per person with every field in it.
                assertThat(w.audit().log(w.principal(), stored.id(), 50)).singleElement().satisfies(e -> {
                    assertThat(e.action()).isEqualTo(de.kontor.domain.audit.AuditAction.IMPORT);
                    assertThat(e.field()).isEqualTo("*");
                    assertThat(e.newValue()).contains("familyName: ").contains("email: ").contains("source: ");
                });
            }
            assertThat(w.contacts().count(w.principal())).isEqualTo(1500);
            assertThat(w.audit().verify(w.principal()).ok()).isTrue();
        }
    }
}

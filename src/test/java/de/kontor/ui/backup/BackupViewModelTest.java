package de.kontor.ui.backup;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Backups;
import de.kontor.app.Workspace;
import de.kontor.domain.Person;
import de.kontor.domain.PersonData;
import de.kontor.domain.ProvenanceInput;
import de.kontor.testing.MutableClock;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.UiText;
import de.kontor.ui.settings.UiSettings;
import de.kontor.ui.task.DirectTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Backups in Settings and the automatic rotation, on real encrypted databases. */
class BackupViewModelTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    @TempDir
    Path dir;
    private WorkspaceSwitch workspaces;
    private BackupViewModel vm;
    private UiSettings settings;
    private final List<String> told = new ArrayList<>();
    private final Backups backups = new Backups();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"), BERLIN);

    @BeforeEach
    void setUp() {
        Workspace w = TestWorkspaces.create(dir.resolve("data"));
        workspaces = new WorkspaceSwitch(w, TestWorkspaces.options(), backups);
        settings = UiSettings.load(dir.resolve("data").resolve("window.properties"));
        AutoBackup auto = new AutoBackup(backups, workspaces::current, settings::backupGenerations, clock);
        vm = new BackupViewModel(workspaces, backups, auto, settings, new DirectTaskRunner(), new UiText(Locale.ENGLISH),
                clock,
                new BackupViewModel.RestoreListener() {
                    @Override
                    public void restored(int reErased) {
                        told.add("restored " + reErased);
                    }

                    @Override
                    public void failed(String message) {
                        told.add("failed");
                    }
                });
    }

    @AfterEach
    void tearDown() {
        workspaces.current().close();
    }

    private Workspace w() {
        return workspaces.current();
    }

    @Test
    void dailyIsDueWithoutABackupOrWhenTheNewestIsADayOld() {
        Instant now = Instant.parse("2026-03-02T08:00:00Z");
        assertThat(AutoBackup.dailyDue(List.of(), now, BERLIN)).isTrue();
        assertThat(AutoBackup.dailyDue(List.of(Path.of("kontor-20260302-080000.kbak")), now, BERLIN)).isFalse();
        assertThat(AutoBackup.dailyDue(List.of(Path.of("kontor-20260301-100000.kbak"),
                Path.of("kontor-20260228-100000.kbak")), now, BERLIN)).isFalse();
        assertThat(AutoBackup.dailyDue(List.of(Path.of("kontor-20260301-090000.kbak")), now, BERLIN)).isTrue();
        assertThat(AutoBackup.madeAt(Path.of("kontor-20260301-090000.kbak"), BERLIN))
                .contains(Instant.parse("2026-03-01T08:00:00Z"));
    }

    @Test
    void automaticBackupsRunDailyAndKeepTheConfiguredGenerations() {
        AutoBackup auto = new AutoBackup(backups, workspaces::current, () -> 3, clock);
        assertThat(auto.runIfDue()).isNotNull();
        clock.advance(Duration.ofHours(1));
        assertThat(auto.runIfDue()).isNull();
        for (int day = 0; day < 4; day++) {
            clock.advance(Duration.ofDays(1));
            assertThat(auto.runIfDue()).isNotNull();
        }
        clock.advance(Duration.ofMinutes(5));
        auto.runNow();
        List<Path> kept = backups.list(w().folder());
        assertThat(kept).hasSize(3);
        assertThat(kept.get(0).getFileName().toString()).isEqualTo("kontor-20260306-100500.kbak");
        assertThat(kept.get(1).getFileName().toString()).isEqualTo("kontor-20260306-100000.kbak");
        assertThat(kept.get(2).getFileName().toString()).isEqualTo("kontor-20260305-100000.kbak");
    }

    @Test
    void generationsAreRemembered() {
        assertThat(vm.generationsProperty().get()).isEqualTo("7");
        vm.generationsProperty().set("0");
        vm.saveGenerations();
        assertThat(vm.errorProperty().get()).isEqualTo("Give a number of generations from 1 to 100.");
        vm.generationsProperty().set("12");
        vm.saveGenerations();
        assertThat(vm.messageProperty().get()).isEqualTo("Keeping 12 generations.");
        assertThat(UiSettings.load(dir.resolve("data").resolve("window.properties")).backupGenerations()).isEqualTo(12);
    }

    @Test
    void aBackupToAChosenFileIsStampedWithTheWorkspaceClock() throws Exception {
        Path target = dir.resolve("chosen.kbak");
        vm.backupTo(target);
        assertThat(vm.errorProperty().get()).isEmpty();
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(target.toFile())) {
            String manifest = new String(zip.getInputStream(zip.getEntry("kontor-backup.json")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(manifest).contains("\"createdAt\" : \"" + clock.instant() + "\"");
        }
    }

    @Test
    void backupNowListsItAndRestoreReplaysTheJournal() {
        Person anna = w().contacts().create(w().principal(), PersonData.named("Anna", "Alt"), ProvenanceInput.manual());
        vm.backupNow();
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("Backup written to ");
        assertThat(vm.rows()).hasSize(1);
        w().contacts().create(w().principal(), PersonData.named("Bernd", "Neu"), ProvenanceInput.manual());
        w().erasure().erase(w().principal(), anna.id(), false, null, Locale.ENGLISH);

        vm.restore(vm.rows().get(0).path(), TestWorkspaces.PASSWORD.toCharArray());

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.messageProperty().get()).isEqualTo(
                "Backup restored. 1 person(s) erased again from the erasure journal.");
        assertThat(told).containsExactly("restored 1");
        assertThat(w().contacts().count(w().principal())).isZero();
    }

    @Test
    void failedRestoresLeaveTheCurrentDatabaseInUse() throws Exception {
        w().contacts().create(w().principal(), PersonData.named("Anna", "Alt"), ProvenanceInput.manual());
        vm.backupNow();
        Path good = vm.rows().get(0).path();
        Workspace before = w();

        vm.restore(good, "falsch-falsch-falsch".toCharArray());
        assertThat(vm.errorProperty().get()).startsWith("The backup was not restored: ");
        assertThat(w()).isSameAs(before);

        Path foreign = dir.resolve("foreign.kbak");
        Files.writeString(foreign, "not a zip at all");
        vm.restore(foreign, TestWorkspaces.PASSWORD.toCharArray());
        assertThat(vm.errorProperty().get()).contains("is not a Kontor backup").contains("The current database is unchanged.");
        assertThat(told).containsExactly("failed", "failed");
        assertThat(w().contacts().count(w().principal())).isEqualTo(1);
        vm.load();
        assertThat(vm.rows()).hasSize(1);
    }
}

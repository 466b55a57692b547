package de.kontor.ui.setup;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
import de.kontor.security.PasswordPolicy;
import de.kontor.store.DataFolder;
import de.kontor.testing.TestWorkspaces;
import de.kontor.ui.UiText;
import de.kontor.ui.task.DirectTaskRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SetupViewModelTest {
    @TempDir
    Path dir;

    private SetupViewModel vm(Locale locale) {
        return new SetupViewModel((owner, pw) -> Workspace.create(new DataFolder(dir), owner, pw,
                TestWorkspaces.options()), new PasswordPolicy(), new DirectTaskRunner(), new UiText(locale));
    }

    @Test
    void passwordFeedbackFollowsTyping() {
        SetupViewModel vm = vm(Locale.ENGLISH);
        assertThat(vm.strengthTextProperty().get()).isEmpty();
        assertThat(vm.hintProperty().get()).isEmpty();

        vm.passwordProperty().set("kurz");
        assertThat(vm.strengthProperty().get()).isZero();
        assertThat(vm.strengthTextProperty().get()).isEqualTo("Very weak");
        assertThat(vm.hintProperty().get()).isEqualTo("The password must have at least 12 characters.");

        vm.passwordProperty().set("aaaaaaaaaaaaaaaa");
        assertThat(vm.hintProperty().get()).startsWith("This password is too easy to guess");

        vm.passwordProperty().set(TestWorkspaces.PASSWORD);
        assertThat(vm.strengthProperty().get()).isGreaterThanOrEqualTo(2);
        assertThat(vm.hintProperty().get()).isEmpty();

        vm.repeatProperty().set("Korrekt-Pferd");
        assertThat(vm.hintProperty().get()).isEqualTo("The two passwords differ.");
        assertThat(vm.canCreateBinding().get()).isFalse();
    }

    @Test
    void germanStrengthLabels() {
        SetupViewModel vm = vm(Locale.GERMAN);
        vm.passwordProperty().set("abc");
        assertThat(vm.strengthTextProperty().get()).isEqualTo("Sehr schwach");
        assertThat(vm.hintProperty().get()).isEqualTo("Das Passwort muss mindestens 12 Zeichen haben.");
    }

    @Test
    void createsTheDatabaseWhenEverythingFits() {
        SetupViewModel vm = vm(Locale.ENGLISH);
        vm.ownerProperty().set("Anna Schmidt");
        vm.passwordProperty().set(TestWorkspaces.PASSWORD);
        assertThat(vm.canCreateBinding().get()).isFalse();
        vm.repeatProperty().set(TestWorkspaces.PASSWORD);
        assertThat(vm.canCreateBinding().get()).isTrue();

        List<Workspace> opened = new ArrayList<>();
        vm.create(opened::add);
        assertThat(opened).hasSize(1);
        try (Workspace w = opened.get(0)) {
            assertThat(w.principal().displayName()).isEqualTo("Anna Schmidt");
        }
        assertThat(new DataFolder(dir).hasDatabase()).isTrue();
    }

    @Test
    void refusalIsShown() {
        TestWorkspaces.create(dir).close();
        SetupViewModel vm = vm(Locale.ENGLISH);
        vm.ownerProperty().set("Anna Schmidt");
        vm.passwordProperty().set(TestWorkspaces.PASSWORD);
        vm.repeatProperty().set(TestWorkspaces.PASSWORD);
        vm.create(w -> { throw new AssertionError("must not open"); });
        assertThat(vm.errorProperty().get()).startsWith("There is already a Kontor database in");
        assertThat(vm.busyProperty().get()).isFalse();
    }
}

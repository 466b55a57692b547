package de.kontor.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.app.Workspace;
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

class LoginViewModelTest {
    @TempDir
    Path dir;

    @Test
    void wrongPasswordStaysWithAMessageThenTheRightOneOpens() {
        TestWorkspaces.create(dir).close();
        LoginViewModel vm = new LoginViewModel((u, pw) -> Workspace.open(new DataFolder(dir), u, pw,
                TestWorkspaces.options()), 1, new DirectTaskRunner(),
                new UiText(Locale.GERMAN));
        assertThat(vm.asksForUser()).isFalse();
        List<Workspace> opened = new ArrayList<>();

        vm.passwordProperty().set("falsches-Passwort-1");
        vm.unlock(opened::add);
        assertThat(opened).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo("Falsches Passwort.");
        assertThat(vm.passwordProperty().get()).isEmpty();

        vm.passwordProperty().set(TestWorkspaces.PASSWORD);
        vm.unlock(opened::add);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(opened).hasSize(1);
        opened.get(0).close();
    }

    @Test
    void asksForTheUserWhenSeveralShare() {
        LoginViewModel vm = new LoginViewModel((u, pw) -> null, 2, new DirectTaskRunner(),
                new UiText(Locale.ENGLISH));
        assertThat(vm.asksForUser()).isTrue();
    }
}

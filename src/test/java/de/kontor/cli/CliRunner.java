package de.kontor.cli;

import de.kontor.i18n.Messages;
import de.kontor.testing.TestWorkspaces;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Runs the real command line against a data folder, capturing stdout and stderr. */
final class CliRunner {
    record Result(int exit, String out, String err) {}

    private final Path data;
    private final Clock clock;
    private final Map<String, String> env = new HashMap<>();

    CliRunner(Path data) {
        this(data, Clock.systemDefaultZone());
    }

    /** With the clock the command line's workspace uses (a fixed one for date-dependent tests). */
    CliRunner(Path data, Clock clock) {
        this.data = data;
        this.clock = clock;
        env.put("KONTOR_PASSWORD", TestWorkspaces.PASSWORD);
    }

    CliRunner env(String key, String value) {
        if (value == null) {
            env.remove(key);
        } else {
            env.put(key, value);
        }
        return this;
    }

    /** Runs and asserts exit 0, naming the command line and stderr when it was not. */
    Result ok(String... args) {
        Result r = run(args);
        org.assertj.core.api.Assertions.assertThat(r.exit()).as(String.join(" ", args) + "\n" + r.err()).isZero();
        return r;
    }

    /** Asserts a refusal: exit 1 and a clear message on stderr, no stack trace. */
    static void refused(Result r, String message) {
        org.assertj.core.api.Assertions.assertThat(r.exit()).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(r.err()).contains(message).doesNotContain("Exception")
                .doesNotContain("\tat ");
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--data", data.toString()));
        all.addAll(List.of(args));
        int exit = KontorCli.run(all.toArray(String[]::new), env, () -> null, new PrintWriter(out), new PrintWriter(err),
                new Messages(Locale.ENGLISH), TestWorkspaces.options(clock));
        return new Result(exit, out.toString(), err.toString());
    }
}

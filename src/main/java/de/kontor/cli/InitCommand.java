package de.kontor.cli;

import de.kontor.app.Workspace;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "init", description = "Create a new encrypted database with its owner account.")
final class InitCommand implements Callable<Integer> {
    private final CliContext context;

    @Option(names = "--owner", required = true, paramLabel = "NAME", description = "The owner's name (also the user name).")
    String owner;

    InitCommand(CliContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try (Workspace w = context.create(owner)) {
            context.out().println(context.messages().get("cli.init.done", w.folder().dir().toString(),
                    w.principal().username()));
        }
        return KontorCli.OK;
    }
}

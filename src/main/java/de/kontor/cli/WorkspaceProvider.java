package de.kontor.cli;

import de.kontor.app.Workspace;

/**
 * Hands a command the open workspace, opened by the root command from the global options
 * ({@code --data}, {@code --password-file}, {@code KONTOR_PASSWORD}, prompt) when the first
 * command asks for it. The root owns it and closes it after the command returns; commands
 * never close it. May throw a {@link de.kontor.domain.KontorException} (no database, wrong
 * password, locked file), which the command reports like any other refusal.
 */
@FunctionalInterface
public interface WorkspaceProvider {
    Workspace workspace();
}

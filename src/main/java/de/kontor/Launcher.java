package de.kontor;

import de.kontor.cli.KontorCli;
import de.kontor.ui.KontorApplication;

/**
 * The main class. With JavaFX on the class path the main class must not extend
 * {@code Application}, so this one only chooses: arguments go to the command line, none start
 * the window.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        if (args.length > 0) {
            KontorCli.main(args);
        } else {
            KontorApplication.launchWindow(args);
        }
    }
}

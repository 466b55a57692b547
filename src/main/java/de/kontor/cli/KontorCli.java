package de.kontor.cli;

/** Placeholder until the command line is merged. */
public final class KontorCli {
    private KontorCli() {}

    public static void main(String[] args) {
        System.out.println("not yet");
    }
}

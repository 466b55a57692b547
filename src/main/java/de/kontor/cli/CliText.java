package de.kontor.cli;

import de.kontor.exchange.LineProblem;
import de.kontor.i18n.Messages;

/** Formatting shared by the exchange commands. */
final class CliText {
    private CliText() {}

    /** "line 7, email: 'x' is not a valid e-mail address." */
    static String problem(Messages m, LineProblem p) {
        String reason = m.get(p.messageKey(), p.args().toArray());
        return p.field() == null
                ? m.get("import.problem", Long.toString(p.line()), reason)
                : m.get("import.problemField", Long.toString(p.line()), p.field(), reason);
    }
}

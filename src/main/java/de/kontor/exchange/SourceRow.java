package de.kontor.exchange;

import de.kontor.service.ContactService.NewPerson;
import java.util.List;

/**
 * One record of an import file as a reader made it out, before validation: the physical line
 * it starts on, the person read (null when the record could not be read at all) and the
 * problems found while reading (a bad date, bad bytes, a wrong column count ...).
 */
record SourceRow(long line, NewPerson person, List<LineProblem> problems) {
    SourceRow {
        problems = List.copyOf(problems);
    }

    static SourceRow bad(long line, LineProblem problem) {
        return new SourceRow(line, null, List.of(problem));
    }
}

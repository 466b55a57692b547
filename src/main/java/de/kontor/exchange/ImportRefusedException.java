package de.kontor.exchange;

import de.kontor.domain.KontorException;
import java.util.List;

/** The file was refused as a whole: nothing was written. Carries every bad line with its reason. */
public class ImportRefusedException extends KontorException {
    private static final long serialVersionUID = 1L;
    private final transient List<LineProblem> problems;

    public ImportRefusedException(List<LineProblem> problems) {
        super("import.refused", problems.stream().mapToLong(LineProblem::line).distinct().count());
        this.problems = List.copyOf(problems);
    }

    public List<LineProblem> problems() {
        return problems;
    }
}

package org.eligo.terminology;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when the bundled terminology data is unreadable or inconsistent; the message lists every problem found. */
public final class TerminologyDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient List<DataProblem> problems;

    public TerminologyDataException(List<DataProblem> problems) {
        super("Terminology data is invalid (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n"
                + problems.stream().map(p -> " - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** The problems, in the order they were found. */
    public List<DataProblem> problems() {
        return problems;
    }
}

package de.kontor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import de.kontor.i18n.Messages;
import java.io.EOFException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A refusal keeps its key and cause even when an argument is null (e.g. an exception without message). */
class KontorExceptionTest {
    @Test
    void nullArgumentsAreKeptNotANullPointerException() {
        EOFException eof = new EOFException();
        String noMessage = eof.getMessage();

        KontorException e = new KontorException(eof, "error.io", "kontor.mv.db", noMessage);

        assertThat(e.messageKey()).isEqualTo("error.io");
        assertThat(e.getCause()).isSameAs(eof);
        assertThat(e.args()).containsExactly("kontor.mv.db", null);
    }

    @Test
    void aNullArgumentArrayMeansNoArguments() {
        KontorException e = new KontorException("error.unexpected", (Object[]) null);

        assertThat(e.args()).isEmpty();
    }

    @Test
    void argumentsAreACopy() {
        Object[] args = {"a"};
        KontorException e = new KontorException("error.io", args);
        args[0] = "b";

        assertThat(e.args()).containsExactly("a");
    }

    @Test
    void theMessageNamesTheCauseKindWhereTheArgumentIsMissing() {
        KontorException e = new KontorException(new EOFException(), "error.io", "kontor.mv.db", null);

        String en = new Messages(Locale.ENGLISH).describe(e);
        String de = new Messages(Locale.GERMAN).describe(e);

        assertThat(en).contains("kontor.mv.db").doesNotContain("null").contains("ends too early");
        assertThat(de).contains("kontor.mv.db").doesNotContain("null").contains("endet zu früh");
    }
}

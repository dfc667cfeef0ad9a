package org.eligo.referral.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.eligo.referral.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InterestFormValidatorTest {

  private static final InterestFormInput VALID = Fixtures.input("Ada Lovelace");

  @Test
  void aCompleteFormIsAcceptedWithCleanedText() {
    InterestFormInput input = new InterestFormInput("  Zoë  Müller ", " zoe@example.org ", null, true, true,
        List.of(new Answer("Age", " 61 "), new Answer("  ", "")), "line one\r\nline two\ttab", null);
    FormCheck check = InterestFormValidator.check(input);
    assertThat(check).isInstanceOf(FormCheck.Accepted.class);
    InterestForm form = ((FormCheck.Accepted) check).form();
    assertThat(form.name()).isEqualTo("Zoë  Müller");
    assertThat(form.email()).contains("zoe@example.org");
    assertThat(form.phone()).isEmpty();
    assertThat(form.answers()).containsExactly(new Answer("Age", "61"));
    assertThat(form.message()).contains("line one\nline two\ttab");
  }

  @Test
  void decomposedAccentsAreNormalisedToComposedForm() {
    InterestForm form = Fixtures.form(with(i -> new InterestFormInput("Zoe\u0308", i.email(), i.phone(), true, true,
        i.answers(), i.message(), i.siteKey())));
    assertThat(form.name()).isEqualTo("Zoë");
  }

  @Test
  void aPhoneAloneIsEnoughContact() {
    assertThat(InterestFormValidator.check(new InterestFormInput("Ada", null, "(301) 555-0100", true, true, null,
        null, null))).isInstanceOf(FormCheck.Accepted.class);
  }

  @Test
  void everyProblemIsReportedAtOnce() {
    FormCheck check = InterestFormValidator.check(new InterestFormInput(" ", "", "", false, false, null, null, null));
    assertThat(((FormCheck.Refused) check).problems()).containsExactly(
        new FieldProblem("name", Problem.REQUIRED), new FieldProblem("contact", Problem.CONTACT_REQUIRED),
        new FieldProblem("consentToContact", Problem.CONSENT_REQUIRED),
        new FieldProblem("consentToShare", Problem.CONSENT_REQUIRED));
  }

  static Stream<Arguments> refusals() {
    String a201 = "a".repeat(201);
    List<Answer> tooMany = new ArrayList<>();
    for (int i = 0; i < 41; i++) tooMany.add(new Answer("q" + i, "a"));
    return Stream.of(
        refused("name too long", i -> set(i, "name", a201), "name", Problem.TOO_LONG),
        refused("name with line break", i -> set(i, "name", "Ada\nBcc: victim@example.com"), "name",
            Problem.LINE_BREAK),
        refused("name with NUL", i -> set(i, "name", "Ada\u0000"), "name", Problem.CONTROL_CHARACTER),
        refused("name with bidi override", i -> set(i, "name", "Ada\u202Egnp.exe"), "name",
            Problem.CONTROL_CHARACTER),
        refused("name with replacement char (invalid UTF-8)", i -> set(i, "name", "Ada \uFFFD"), "name",
            Problem.INVALID_ENCODING),
        refused("name with lone surrogate", i -> set(i, "name", "Ada \uD800"), "name", Problem.INVALID_ENCODING),
        refused("email header injection CRLF", i -> set(i, "email", "ada@example.org\r\nBcc: all@example.com"),
            "email", Problem.LINE_BREAK),
        refused("email header injection LF", i -> set(i, "email", "ada@example.org\nSubject: hi"), "email",
            Problem.LINE_BREAK),
        refused("email with two addresses", i -> set(i, "email", "ada@example.org, eve@example.com"), "email",
            Problem.INVALID_FORMAT),
        refused("email display name", i -> set(i, "email", "Ada <ada@example.org>"), "email", Problem.INVALID_FORMAT),
        refused("email without domain", i -> set(i, "email", "ada@"), "email", Problem.INVALID_FORMAT),
        refused("email too long", i -> set(i, "email", "a".repeat(250) + "@example.org"), "email",
            Problem.TOO_LONG),
        refused("phone letters", i -> set(i, "phone", "call me maybe"), "phone", Problem.INVALID_FORMAT),
        refused("phone too few digits", i -> set(i, "phone", "12-34"), "phone", Problem.INVALID_FORMAT),
        refused("phone too many digits", i -> set(i, "phone", "+1234567890123456"), "phone", Problem.INVALID_FORMAT),
        refused("phone with line break", i -> set(i, "phone", "301\n555"), "phone", Problem.LINE_BREAK),
        refused("message too long", i -> set(i, "message", "x".repeat(2001)), "message", Problem.TOO_LONG),
        refused("message with escape character", i -> set(i, "message", "hi \u001B[31m"), "message",
            Problem.CONTROL_CHARACTER),
        refused("message with invalid UTF-8", i -> set(i, "message", "caf\uFFFD"), "message",
            Problem.INVALID_ENCODING),
        refused("too many answers", i -> new InterestFormInput(i.name(), i.email(), i.phone(), true, true, tooMany,
            i.message(), i.siteKey()), "answers", Problem.TOO_MANY),
        refused("answer too long", i -> new InterestFormInput(i.name(), i.email(), i.phone(), true, true,
            List.of(new Answer("Age", "9".repeat(501))), i.message(), i.siteKey()), "answers[0].answer",
            Problem.TOO_LONG),
        refused("no consent to contact", i -> new InterestFormInput(i.name(), i.email(), i.phone(), false, true,
            i.answers(), i.message(), i.siteKey()), "consentToContact", Problem.CONSENT_REQUIRED),
        refused("no consent to share", i -> new InterestFormInput(i.name(), i.email(), i.phone(), true, false,
            i.answers(), i.message(), i.siteKey()), "consentToShare", Problem.CONSENT_REQUIRED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void hostileOrMalformedInputIsRefusedWithTheFieldAndReason(String name, InterestFormInput input, String field,
      Problem problem) {
    FormCheck check = InterestFormValidator.check(input);
    assertThat(check).isInstanceOf(FormCheck.Refused.class);
    assertThat(((FormCheck.Refused) check).problems()).contains(new FieldProblem(field, problem));
  }

  static Stream<Arguments> harmlessButOdd() {
    return Stream.of(
        Arguments.of("script tag in message is text, kept for escaping on output",
            set(VALID, "message", "<script>alert(1)</script>")),
        Arguments.of("SQL fragment in name is text", set(VALID, "name", "Robert'); DROP TABLE referral;--")),
        Arguments.of("non-Latin name", set(VALID, "name", "李小龍")),
        Arguments.of("emoji in message", set(VALID, "message", "Thanks 🙂")),
        Arguments.of("plus-addressed email", set(VALID, "email", "ada+trials@example.co.uk")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("harmlessButOdd")
  void oddButHarmlessTextIsAcceptedUnchanged(String name, InterestFormInput input) {
    assertThat(InterestFormValidator.check(input)).isInstanceOf(FormCheck.Accepted.class);
  }

  private static Arguments refused(String name, UnaryOperator<InterestFormInput> change, String field,
      Problem problem) {
    return Arguments.of(name, change.apply(VALID), field, problem);
  }

  private static InterestFormInput with(UnaryOperator<InterestFormInput> change) {
    return change.apply(VALID);
  }

  static InterestFormInput set(InterestFormInput i, String field, String value) {
    return new InterestFormInput(
        field.equals("name") ? value : i.name(),
        field.equals("email") ? value : i.email(),
        field.equals("phone") ? value : i.phone(),
        i.consentToContact(), i.consentToShare(), i.answers(),
        field.equals("message") ? value : i.message(),
        field.equals("siteKey") ? value : i.siteKey());
  }
}

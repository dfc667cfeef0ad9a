package org.eligo.referral.form;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules an interest form must meet. Text is NFC-normalised and stripped; lengths count Unicode code points.
 * Names, e-mail addresses, phone numbers and site keys are one line (a line break there could smuggle a header
 * into a forwarded e-mail); the free-text message may have line breaks and tabs but no other control characters.
 * A replacement character (U+FFFD) or an unpaired surrogate means the bytes were not valid UTF-8 and is refused.
 */
public final class InterestFormValidator {

  public static final int MAX_NAME = 200;
  public static final int MAX_EMAIL = 254;
  public static final int MAX_PHONE = 32;
  public static final int MAX_MESSAGE = 2000;
  public static final int MAX_ANSWERS = 40;
  public static final int MAX_QUESTION = 300;
  public static final int MAX_ANSWER = 500;
  public static final int MAX_SITE_KEY = 400;

  /** Dot-atom local part and a host name of labels: what a mail server takes without quoting. */
  private static final Pattern EMAIL = Pattern.compile(
      "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
          + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
  private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ().\\-/]+");

  private InterestFormValidator() {
  }

  /** Checks {@code input}; never throws on bad data. */
  public static FormCheck check(InterestFormInput input) {
    List<FieldProblem> problems = new ArrayList<>();
    String name = oneLine("name", input.name(), MAX_NAME, true, problems);
    String email = oneLine("email", input.email(), MAX_EMAIL, false, problems);
    if (email != null && !EMAIL.matcher(email).matches() && !hasProblem(problems, "email")) {
      problems.add(new FieldProblem("email", Problem.INVALID_FORMAT));
    }
    String phone = oneLine("phone", input.phone(), MAX_PHONE, false, problems);
    if (phone != null && !validPhone(phone) && !hasProblem(problems, "phone")) {
      problems.add(new FieldProblem("phone", Problem.INVALID_FORMAT));
    }
    if (email == null && phone == null && !hasProblem(problems, "email") && !hasProblem(problems, "phone")) {
      problems.add(new FieldProblem("contact", Problem.CONTACT_REQUIRED));
    }
    if (!input.consentToContact()) problems.add(new FieldProblem("consentToContact", Problem.CONSENT_REQUIRED));
    if (!input.consentToShare()) problems.add(new FieldProblem("consentToShare", Problem.CONSENT_REQUIRED));

    List<Answer> answers = new ArrayList<>();
    if (input.answers().size() > MAX_ANSWERS) {
      problems.add(new FieldProblem("answers", Problem.TOO_MANY));
    } else {
      for (int i = 0; i < input.answers().size(); i++) {
        Answer raw = input.answers().get(i);
        String question = oneLine("answers[" + i + "].question", raw.question(), MAX_QUESTION, false, problems);
        String answer = oneLine("answers[" + i + "].answer", raw.answer(), MAX_ANSWER, false, problems);
        if (question != null && answer != null) answers.add(new Answer(question, answer));
      }
    }
    String message = multiLine("message", input.message(), MAX_MESSAGE, problems);
    String siteKey = oneLine("siteKey", input.siteKey(), MAX_SITE_KEY, false, problems);

    if (!problems.isEmpty()) return new FormCheck.Refused(problems);
    return new FormCheck.Accepted(new InterestForm(name, Optional.ofNullable(email), Optional.ofNullable(phone),
        answers, Optional.ofNullable(message), Optional.ofNullable(siteKey)));
  }

  /** A phone number: digits and the usual separators, 6 to 15 digits (the E.164 maximum). */
  private static boolean validPhone(String phone) {
    if (!PHONE.matcher(phone).matches()) return false;
    long digits = phone.chars().filter(c -> c >= '0' && c <= '9').count();
    return digits >= 6 && digits <= 15;
  }

  private static String oneLine(String field, String raw, int max, boolean required, List<FieldProblem> problems) {
    String text = clean(raw);
    if (text == null) {
      if (required) problems.add(new FieldProblem(field, Problem.REQUIRED));
      return null;
    }
    Problem problem = encodingProblem(text);
    if (problem == null && text.chars().anyMatch(c -> c == '\r' || c == '\n' || c == '\u2028' || c == '\u2029')) {
      problem = Problem.LINE_BREAK;
    }
    if (problem == null && text.chars().anyMatch(InterestFormValidator::isControl)) problem = Problem.CONTROL_CHARACTER;
    if (problem == null && text.codePointCount(0, text.length()) > max) problem = Problem.TOO_LONG;
    if (problem != null) {
      problems.add(new FieldProblem(field, problem));
      return null;
    }
    return text;
  }

  private static String multiLine(String field, String raw, int max, List<FieldProblem> problems) {
    String text = clean(raw);
    if (text == null) return null;
    text = text.replace("\r\n", "\n").replace('\r', '\n');
    Problem problem = encodingProblem(text);
    if (problem == null && text.chars().anyMatch(c -> c != '\n' && c != '\t' && isControl(c))) {
      problem = Problem.CONTROL_CHARACTER;
    }
    if (problem == null && text.codePointCount(0, text.length()) > max) problem = Problem.TOO_LONG;
    if (problem != null) {
      problems.add(new FieldProblem(field, problem));
      return null;
    }
    return text;
  }

  /** Null for absent or blank input, else the NFC-normalised, stripped text. */
  private static String clean(String raw) {
    if (raw == null) return null;
    String text = Normalizer.isNormalized(raw, Normalizer.Form.NFC) ? raw : Normalizer.normalize(raw, Normalizer.Form.NFC);
    text = text.strip();
    return text.isEmpty() ? null : text;
  }

  private static Problem encodingProblem(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\uFFFD') return Problem.INVALID_ENCODING;
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) return Problem.INVALID_ENCODING;
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return Problem.INVALID_ENCODING;
      }
    }
    return null;
  }

  /** C0 and C1 control characters, DEL, and the bidirectional overrides that can disguise text. */
  private static boolean isControl(int c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
  }

  private static boolean hasProblem(List<FieldProblem> problems, String field) {
    return problems.stream().anyMatch(p -> p.field().equals(field));
  }
}

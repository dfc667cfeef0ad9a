package org.eligo.criteria.parse;

import java.util.EnumSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.patient.Sex;
import org.eligo.core.rule.SexRule;

/**
 * Reads a criterion that is only about sex: "Male and female", "Both sexes", "Female patients only", "Men".
 */
final class SexRecogniser implements Recogniser {
  private static final Pattern BOTH = Pattern.compile(
      "^(?:patients?\\s+(?:of\\s+)?)?(?:males? and females?|females? and males?|men and women|women and men"
          + "|both (?:sexes|genders)|all (?:sexes|genders)|either (?:sex|gender))(?:\\s+(?:patients|subjects))?[\\s.,;]*$");
  private static final Pattern ONE = Pattern.compile(
      "^(?:(?<f>females?|women|woman)|(?<m>males?|men|man))(?:\\s+(?:patients|subjects|participants))?"
          + "(?:\\s+only)?[\\s.,;]*$");

  @Override
  public void read(Sentence s) {
    if (BOTH.matcher(s.lower).matches()) {
      s.settle(new SexRule(EnumSet.of(Sex.FEMALE, Sex.MALE)));
      return;
    }
    Matcher one = ONE.matcher(s.lower);
    if (one.matches()) s.settle(new SexRule(EnumSet.of(one.group("f") != null ? Sex.FEMALE : Sex.MALE)));
  }
}

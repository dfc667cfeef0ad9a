package org.eligo.server.http;

import java.util.Locale;
import java.util.regex.Pattern;

/** Checks NCT IDs taken from URLs and parameters. */
public final class NctIds {
  private static final Pattern NCT = Pattern.compile("NCT\\d{8}");

  private NctIds() {}

  /** The ID in canonical upper case, or a 400 problem when it is not of the form NCT followed by 8 digits. */
  public static String require(String text) {
    String id = text == null ? "" : text.strip().toUpperCase(Locale.ROOT);
    if (!NCT.matcher(id).matches()) {
      throw new ApiProblem(ProblemType.INVALID_NCT_ID, "'" + (text == null ? "" : text)
          + "' is not an NCT ID (NCT followed by 8 digits, e.g. NCT03364764).");
    }
    return id;
  }

  public static boolean isNctId(String text) {
    return text != null && NCT.matcher(text.strip().toUpperCase(Locale.ROOT)).matches();
  }
}

package org.eligo.referral.record;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Referrals as CSV (RFC 4180, CRLF, every cell quoted). A cell that a spreadsheet would take as a formula (starts
 * with =, +, -, @, tab or carriage return) gets a leading apostrophe, so an exported form cannot run anything.
 */
public final class ReferralCsv {

  public static final List<String> HEADER = List.of("reference", "nct_id", "submitted_at", "status",
      "status_changed_at", "name", "email", "phone", "site", "answers", "message", "erased");

  private ReferralCsv() {
  }

  public static String write(List<Referral> referrals) {
    StringBuilder out = new StringBuilder();
    row(out, HEADER);
    for (Referral r : referrals) {
      row(out, List.of(r.reference(), r.nctId(), r.submittedAt().toString(), r.status().name(),
          r.statusChangedAt().toString(), r.name().orElse(""), r.email().orElse(""), r.phone().orElse(""),
          r.siteKey().orElse(""),
          r.answers().stream().map(a -> a.question() + ": " + a.answer()).collect(Collectors.joining("; ")),
          r.message().orElse(""), r.erased() ? "yes" : "no"));
    }
    return out.toString();
  }

  private static void row(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) out.append(',');
      out.append('"').append(neutralise(cells.get(i)).replace("\"", "\"\"")).append('"');
    }
    out.append("\r\n");
  }

  /** The cell with a leading apostrophe if a spreadsheet would read it as a formula. */
  static String neutralise(String cell) {
    if (cell.isEmpty()) return cell;
    char first = cell.charAt(0);
    return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
        ? "'" + cell : cell;
  }
}

package org.eligo.registry.golden;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.eligo.core.eval.Verdict;
import org.eligo.core.logic.Truth;

/**
 * One golden case: a patient, a trial's criterion, the status the criterion must have and the trial's verdict.
 *
 * <p>Case files ({@code golden/cases/NCT....cases}) have one case per line, fields separated by {@code |}:
 * {@code criterion | status | verdict | patient | why | cites | checks | bug}. {@code cites} is a fragment of the
 * criterion's registry sentence (checked, so a case cannot point at the wrong criterion); {@code checks} are
 * {@code ;}-separated extra expectations, {@code question~TEXT} (some question of the criterion contains TEXT) or
 * {@code evidence~TEXT} (some evidence of the criterion names TEXT), case ignored; {@code bug}, when filled, says why
 * the engine gets this case wrong today (the case is then reported as skipped until fixed).
 *
 * @param line the line in its file, for messages
 */
record GoldenCase(String trialId, int line, String criterionId, Truth status, Verdict verdict, String patient,
                  String why, String cites, List<String> checks, String bug) {

  @Override
  public String toString() {
    return trialId + " " + criterionId + " " + status + " → " + verdict + ": " + why;
  }

  static List<GoldenCase> load(String trialId) {
    String resource = "/golden/cases/" + trialId + ".cases";
    List<GoldenCase> out = new ArrayList<>();
    try (InputStream in = GoldenCase.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException(resource + " is missing from the test class path");
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int lineNo = 0;
      for (String line; (line = reader.readLine()) != null; ) {
        lineNo++;
        if (line.isBlank() || line.strip().startsWith("#")) continue;
        String[] f = line.split("\\|", -1);
        if (f.length < 6 || f.length > 8) {
          throw new IllegalStateException(resource + ":" + lineNo + ": expected 6 to 8 fields, found " + f.length);
        }
        List<String> checks = new ArrayList<>();
        if (f.length > 6) {
          for (String c : f[6].split(";")) if (!c.isBlank()) checks.add(c.strip());
        }
        String bug = f.length > 7 ? f[7].strip() : "";
        out.add(new GoldenCase(trialId, lineNo, f[0].strip(), Truth.valueOf(f[1].strip()),
            Verdict.valueOf(f[2].strip()), f[3].strip(), f[4].strip(), f[5].strip(), checks, bug));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}

package org.eligo.referral;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eligo.referral.form.FormCheck;
import org.eligo.referral.form.InterestFormInput;
import org.eligo.referral.form.InterestFormValidator;
import org.eligo.referral.outbox.Backoff;
import org.eligo.referral.outbox.DeliveryState;
import org.eligo.referral.outbox.ForwarderSettings;
import org.eligo.referral.outbox.SmtpSettings;
import org.eligo.store.Database;
import org.eligo.store.DatabaseConfig;

/**
 * A referral process for {@link CrashSafetyTest}, run in its own JVM: opens the embedded database in
 * {@code args[0]}, forwards to the SMTP server on port {@code args[1]} in the background as worker {@code args[2]},
 * and reads commands from standard input: {@code SUBMIT <name>} answers {@code ACK <reference>} once the referral
 * is committed; {@code UNDELIVERED} answers the number of outbox rows not yet delivered; {@code QUIT} closes.
 */
public final class ReferralNode {

  private ReferralNode() {
  }

  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    try (Database database = Database.open(DatabaseConfig.embedded(Path.of(args[0])))) {
      ForwarderSettings forwarder = new ForwarderSettings(args[2], Duration.ofSeconds(3), 10,
          new Backoff(Duration.ofMillis(200), Duration.ofSeconds(1)), 1000, Duration.ofMillis(50));
      ReferralSettings settings = new ReferralSettings(
          Optional.of(SmtpSettings.plain("127.0.0.1", Integer.parseInt(args[1]), "referrals@eligo.example")),
          URI.create("https://eligo.example"), forwarder, Optional.empty(), Duration.ofHours(1), 4, 10);
      try (Referrals referrals = new Referrals(database, settings, Clock.systemUTC())) {
        referrals.forwarder().start();
        out.println("READY");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
          if (line.startsWith("SUBMIT ")) {
            String name = line.substring(7);
            InterestFormInput input = new InterestFormInput(name, name.replace(' ', '.') + "@example.org", null,
                true, true, null, "Crash test", null);
            var form = ((FormCheck.Accepted) InterestFormValidator.check(input)).form();
            Receipt receipt = referrals.service().submit("NCT02979873",
                Optional.of(Fixtures.trial("NCT02979873", "team@nih.example")), form);
            out.println("ACK " + name + " " + receipt.reference());
          } else if (line.equals("UNDELIVERED")) {
            long undelivered = referrals.outbox().countByState().entrySet().stream()
                .filter(e -> e.getKey() != DeliveryState.DELIVERED).mapToLong(e -> e.getValue()).sum();
            out.println("UNDELIVERED " + undelivered);
          } else if (line.equals("QUIT")) {
            break;
          }
        }
      }
    }
    out.println("BYE");
  }
}

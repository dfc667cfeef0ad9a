package org.eligo.server.staff;

import io.javalin.http.Handler;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.eligo.referral.ReferralSettings;
import org.eligo.referral.Referrals;
import org.eligo.registry.Registry;
import org.eligo.server.referral.InterestRoutes;

/**
 * Plugs referrals into the server: the public interest and withdrawal forms and the staff area. The server calls
 * {@link #install} once while configuring its routes, and {@link #referralsFromEnvironment} for production wiring.
 */
public final class StaffArea {

  private StaffArea() {
  }

  /**
   * Registers every referral and staff route.
   *
   * @param rulesSaved told the trial id after curated rules were saved, so compiled rules can be refreshed
   */
  public static void install(BiConsumer<String, Handler> get, BiConsumer<String, Handler> post, Registry registry,
      Referrals referrals, Consumer<String> rulesSaved, Clock clock) {
    new InterestRoutes(registry, referrals, referrals.settings().formsPerClient(), clock).register(get, post);
    new StaffRoutes(registry, referrals, rulesSaved, clock).register(get, post);
  }

  /**
   * Referrals on the registry's database configured from the environment ({@link ReferralSettings#fromEnvironment}),
   * with the forwarder running and, if a retention period is set, a daily retention run.
   */
  public static Referrals referralsFromEnvironment(Registry registry) {
    String worker = "server-" + ManagementFactory.getRuntimeMXBean().getPid();
    ReferralSettings settings = ReferralSettings.fromEnvironment(System.getenv(), worker);
    Referrals referrals = new Referrals(registry.database(), settings, Clock.systemUTC());
    referrals.forwarder().start();
    settings.retention().ifPresent(keep -> {
      ScheduledExecutorService daily = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "eligo-retention");
        thread.setDaemon(true);
        return thread;
      });
      daily.scheduleWithFixedDelay(() -> {
        try {
          referrals.retention().apply(keep, "system");
        } catch (RuntimeException e) {
          System.getLogger(StaffArea.class.getName()).log(System.Logger.Level.WARNING,
              "retention run failed: " + e.getClass().getSimpleName());
        }
      }, 1, 24 * 60, TimeUnit.MINUTES);
    });
    return referrals;
  }
}

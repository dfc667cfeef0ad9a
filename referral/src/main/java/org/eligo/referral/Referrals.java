package org.eligo.referral;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.eligo.referral.audit.AuditLog;
import org.eligo.referral.outbox.Forwarder;
import org.eligo.referral.outbox.ForwardingRoutes;
import org.eligo.referral.outbox.Outbox;
import org.eligo.referral.outbox.ReferralMessages;
import org.eligo.referral.outbox.SmtpMailer;
import org.eligo.referral.outbox.WebhookSender;
import org.eligo.referral.record.ReferralRepository;
import org.eligo.referral.staff.ApiTokens;
import org.eligo.referral.staff.PasswordHasher;
import org.eligo.referral.staff.Sessions;
import org.eligo.referral.staff.StaffDirectory;
import org.eligo.store.Database;

/**
 * Everything about referrals wired together over one open database: the public service, the staff desk, staff
 * accounts, tokens, sessions, the audit log and the forwarder. The server and the command line make one of these.
 * Closing it stops the forwarder (the database stays open: its owner closes it).
 */
public final class Referrals implements AutoCloseable {

  private final ReferralSettings settings;
  private final ReferralRepository repository;
  private final Outbox outbox;
  private final ForwardingRoutes routes;
  private final AuditLog audit;
  private final ReferralService service;
  private final ReferralDesk desk;
  private final StaffDirectory staff;
  private final ApiTokens tokens;
  private final Sessions sessions;
  private final Forwarder forwarder;
  private final Retention retention;

  public Referrals(Database database, ReferralSettings settings, Clock clock) {
    Objects.requireNonNull(database, "database");
    this.settings = Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(clock, "clock");
    if (database.kind() == Database.Kind.H2) {
      // H2 otherwise writes commits to its file up to a second later: a killed process would lose
      // acknowledged referrals. With 0, each commit is written before it returns.
      database.jdbi().useHandle(handle -> handle.execute("SET WRITE_DELAY 0"));
    }
    this.repository = new ReferralRepository(database);
    this.outbox = new Outbox(database);
    this.routes = new ForwardingRoutes(database);
    this.audit = new AuditLog(database, clock);
    this.service = new ReferralService(database, repository, routes, audit, clock);
    this.desk = new ReferralDesk(repository, outbox, routes, audit, clock);
    this.staff = new StaffDirectory(database, new PasswordHasher(settings.bcryptCost()), clock);
    this.tokens = new ApiTokens(database, clock);
    this.sessions = new Sessions(database, clock, settings.sessionLifetime());
    this.forwarder = new Forwarder(outbox, repository, routes, settings.smtp().map(SmtpMailer::new),
        new WebhookSender(clock, Duration.ofSeconds(20)), new ReferralMessages(settings.publicBaseUrl()),
        settings.forwarder(), clock);
    this.retention = new Retention(repository, audit, clock);
  }

  public ReferralSettings settings() {
    return settings;
  }

  public ReferralService service() {
    return service;
  }

  public ReferralDesk desk() {
    return desk;
  }

  public StaffDirectory staff() {
    return staff;
  }

  public ApiTokens tokens() {
    return tokens;
  }

  public Sessions sessions() {
    return sessions;
  }

  public AuditLog audit() {
    return audit;
  }

  public Outbox outbox() {
    return outbox;
  }

  public ForwardingRoutes routes() {
    return routes;
  }

  public ReferralRepository repository() {
    return repository;
  }

  public Forwarder forwarder() {
    return forwarder;
  }

  public Retention retention() {
    return retention;
  }

  @Override
  public void close() {
    forwarder.close();
  }
}

package org.eligo.referral.outbox;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eligo.referral.record.Referral;
import org.eligo.referral.record.ReferralRepository;

/**
 * Delivers the outbox: claims due rows with a lease, sends each (SMTP for e-mail kinds when a mailer is
 * configured, signed webhook for webhook rows), and marks it delivered, or due again after the backoff, or FAILED
 * after the last attempt. A row whose referral was erased is cancelled instead of sent. Runs on one background
 * thread after {@link #start()}, or step by step with {@link #deliverDue()}.
 */
public final class Forwarder implements AutoCloseable {

  private final Outbox outbox;
  private final ReferralRepository referrals;
  private final ForwardingRoutes routes;
  private final Optional<SmtpMailer> mailer;
  private final WebhookSender webhooks;
  private final ReferralMessages messages;
  private final ForwarderSettings settings;
  private final Clock clock;
  private final Set<DeliveryKind> kinds;
  private ScheduledExecutorService executor;

  public Forwarder(Outbox outbox, ReferralRepository referrals, ForwardingRoutes routes, Optional<SmtpMailer> mailer,
      WebhookSender webhooks, ReferralMessages messages, ForwarderSettings settings, Clock clock) {
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.referrals = Objects.requireNonNull(referrals, "referrals");
    this.routes = Objects.requireNonNull(routes, "routes");
    this.mailer = Objects.requireNonNull(mailer, "mailer");
    this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
    this.messages = Objects.requireNonNull(messages, "messages");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.kinds = mailer.isPresent() ? EnumSet.allOf(DeliveryKind.class) : EnumSet.of(DeliveryKind.FORWARD_WEBHOOK);
  }

  /** Claims and handles one batch of due rows; returns how many were handled (delivered or not). */
  public int deliverDue() {
    Instant now = clock.instant();
    List<OutboxEntry> claimed = outbox.claim(settings.workerId(), kinds, now, now.plus(settings.lease()),
        settings.batchSize());
    for (OutboxEntry entry : claimed) deliver(entry);
    return claimed.size();
  }

  /** Handles batches until nothing is due. */
  public int drain() {
    int total = 0;
    for (int n; (n = deliverDue()) > 0; ) total += n;
    return total;
  }

  /** Starts delivering in the background. */
  public synchronized void start() {
    if (executor != null) throw new IllegalStateException("forwarder already started");
    executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "eligo-forwarder");
      thread.setDaemon(true);
      return thread;
    });
    long pause = settings.pollInterval().toMillis();
    executor.scheduleWithFixedDelay(this::drainQuietly, 0, pause, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void close() {
    if (executor == null) return;
    executor.shutdown();
    try {
      if (!executor.awaitTermination(30, TimeUnit.SECONDS)) executor.shutdownNow();
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
    executor = null;
  }

  private void drainQuietly() {
    try {
      drain();
    } catch (RuntimeException e) {
      // The database is unreachable or closing: the rows stay in the outbox and the next run picks them up.
      System.getLogger(Forwarder.class.getName()).log(System.Logger.Level.WARNING,
          "outbox delivery paused: " + e.getClass().getSimpleName());
    }
  }

  private void deliver(OutboxEntry entry) {
    Optional<Referral> referral = referrals.find(entry.referralId());
    if (referral.isEmpty() || referral.get().erased()) {
      outbox.markCancelled(entry.id(), settings.workerId());
      return;
    }
    try {
      send(entry, referral.get());
      outbox.markDelivered(entry.id(), settings.workerId(), clock.instant());
    } catch (DeliveryFailure failure) {
      boolean giveUp = entry.attempts() >= settings.maxAttempts();
      Instant next = clock.instant().plus(settings.backoff().delayAfter(entry.attempts()));
      outbox.markFailed(entry.id(), settings.workerId(), failure.reason(), next, giveUp);
    }
  }

  private void send(OutboxEntry entry, Referral referral) throws DeliveryFailure {
    String destination = entry.destination().orElseThrow(() -> new DeliveryFailure("no destination"));
    switch (entry.kind()) {
      case FORWARD_EMAIL -> mailer().send(messages.teamEmail(referral, entry, destination));
      case CONFIRMATION_EMAIL -> mailer().send(messages.confirmation(referral, entry));
      case FORWARD_WEBHOOK -> {
        ForwardingRoute route = routes.find(referral.nctId())
            .filter(r -> r.kind() == ForwardingRoute.Kind.WEBHOOK && r.secret().isPresent())
            .orElseThrow(() -> new DeliveryFailure("the trial has no webhook route with a key any more"));
        webhooks.send(URI.create(destination), route.secret().get(), entry.deliveryId(),
            messages.webhookJson(referral, entry));
      }
    }
  }

  private SmtpMailer mailer() throws DeliveryFailure {
    return mailer.orElseThrow(() -> new DeliveryFailure("no mail server configured"));
  }
}

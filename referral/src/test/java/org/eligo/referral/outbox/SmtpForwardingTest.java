package org.eligo.referral.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eligo.referral.outbox.SmtpTestServer.body;
import static org.eligo.referral.outbox.SmtpTestServer.header;
import static org.eligo.referral.outbox.SmtpTestServer.subject;
import static org.eligo.referral.outbox.SmtpTestServer.to;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eligo.referral.Fixtures;
import org.eligo.referral.Receipt;
import org.eligo.referral.TestDatabases;
import org.eligo.referral.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forwarding by e-mail against a real SMTP server (GreenMail) on loopback. */
class SmtpForwardingTest {

  private static final String NCT = "NCT02979873";

  @TempDir
  Path tempDir;

  @Test
  void theTeamGetsTheReferralAndThePersonTheirReferenceNumber() throws Exception {
    try (SmtpTestServer smtp = new SmtpTestServer().start();
        TestDatabases.Open db = TestDatabases.H2.open(tempDir)) {
      TestStack stack = new TestStack(db.database(), Optional.of(smtp.settings()));
      Receipt receipt = stack.referrals.service().submit(NCT, Optional.of(Fixtures.trial(NCT, "team@nih.example")),
          Fixtures.form("Ada Lovelace"));

      assertThat(stack.referrals.forwarder().drain()).isEqualTo(2);

      List<MimeMessage> messages = smtp.messages();
      assertThat(messages).hasSize(2);
      MimeMessage team = messages.stream().filter(m -> to(m).equals("team@nih.example")).findFirst().orElseThrow();
      assertThat(subject(team)).isEqualTo("Trial interest: NCT02979873 (reference " + receipt.reference() + ")");
      assertThat(header(team, "Reply-To")).isEqualTo("ada.lovelace@example.org");
      assertThat(body(team)).contains("Name: Ada Lovelace", "Phone: +1 301 555 0100", "- Age: 54",
          "Best reached in the morning.", receipt.reference());
      assertThat(body(team)).doesNotContain(receipt.withdrawalCode());

      MimeMessage person = messages.stream().filter(m -> to(m).equals("ada.lovelace@example.org")).findFirst()
          .orElseThrow();
      assertThat(subject(person)).contains(receipt.reference());
      assertThat(body(person)).contains("Your reference number: " + receipt.reference(), receipt.withdrawalCode(),
          "https://eligo.example/referrals/withdraw");

      List<OutboxEntry> entries = stack.referrals.outbox().forReferral(receipt.referralId());
      assertThat(entries).allSatisfy(e -> {
        assertThat(e.state()).isEqualTo(DeliveryState.DELIVERED);
        assertThat(e.attempts()).isEqualTo(1);
        assertThat(e.secretPayload()).as("withdrawal code dropped once sent").isEmpty();
      });
      assertThat(header(team, "Message-ID")).isEqualTo("<" + entries.get(0).deliveryId() + "@eligo>");
      assertThat(header(team, "X-Eligo-Delivery")).isEqualTo(entries.get(0).deliveryId());
    }
  }

  @Test
  void whileTheMailServerIsDownNothingIsLostAndOnceBackEverythingArrivesExactlyOnce() throws Exception {
    try (SmtpTestServer smtp = new SmtpTestServer();
        TestDatabases.Open db = TestDatabases.H2.open(tempDir)) {
      TestStack stack = new TestStack(db.database(), Optional.of(smtp.settings()));
      List<Receipt> receipts = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        receipts.add(stack.referrals.service().submit(NCT, Optional.of(Fixtures.trial(NCT, "team@nih.example")),
            Fixtures.form("Person " + (char) ('A' + i))));
      }

      // Down: three rounds of attempts, each waiting out the backoff (10 s, 20 s, 40 s).
      for (int round = 0; round < 3; round++) {
        assertThat(stack.referrals.forwarder().drain()).isEqualTo(24);
        assertThat(stack.referrals.forwarder().drain()).as("nothing due during the backoff").isZero();
        if (round < 2) stack.clock.advance(Duration.ofSeconds(10L << round));
      }
      OutboxEntry waiting = stack.referrals.outbox().forReferral(receipts.get(0).referralId()).get(0);
      assertThat(waiting.state()).isEqualTo(DeliveryState.PENDING);
      assertThat(waiting.attempts()).isEqualTo(3);
      assertThat(waiting.lastError()).hasValueSatisfying(error -> assertThat(error)
          .contains("unavailable").doesNotContain("example.org").doesNotContain("Person"));

      smtp.start();
      assertThat(stack.referrals.forwarder().drain()).as("next attempt not yet due").isZero();
      stack.clock.advance(Duration.ofSeconds(40));
      assertThat(stack.referrals.forwarder().drain()).isEqualTo(24);
      stack.clock.advance(Duration.ofHours(2));
      assertThat(stack.referrals.forwarder().drain()).as("nothing left to send").isZero();

      Map<String, Long> perMessageId = smtp.messages().stream()
          .collect(Collectors.groupingBy(m -> header(m, "Message-ID"), Collectors.counting()));
      assertThat(smtp.messages()).hasSize(24);
      assertThat(perMessageId).hasSize(24).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
      for (Receipt receipt : receipts) {
        assertThat(smtp.messages().stream().filter(m -> subject(m).contains(receipt.reference()))).hasSize(2);
      }
      assertThat(stack.referrals.outbox().countByState()).containsEntry(DeliveryState.DELIVERED, 24L);
    }
  }

  @Test
  void twoForwardersOnOneDatabaseNeverSendTheSameRowTwice() throws Exception {
    try (SmtpTestServer smtp = new SmtpTestServer().start();
        TestDatabases.Open db = TestDatabases.POSTGRESQL.open(tempDir)) {
      TestStack one = new TestStack(db.database(), Optional.of(smtp.settings()), "worker-1");
      TestStack two = new TestStack(db.database(), Optional.of(smtp.settings()), "worker-2");
      for (int i = 0; i < 40; i++) {
        one.referrals.service().submit(NCT, Optional.of(Fixtures.trial(NCT, "team@nih.example")),
            Fixtures.form("Person " + i));
      }
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        Future<Integer> a = pool.submit(() -> one.referrals.forwarder().drain());
        Future<Integer> b = pool.submit(() -> two.referrals.forwarder().drain());
        assertThat(a.get() + b.get()).isEqualTo(80);
      } finally {
        pool.shutdown();
      }
      assertThat(smtp.messages()).hasSize(80);
      assertThat(smtp.messages().stream().map(m -> header(m, "Message-ID")).distinct()).hasSize(80);
    }
  }

  @Test
  void aReferralWithdrawnBeforeItWasSentIsNeverSent() throws Exception {
    try (SmtpTestServer smtp = new SmtpTestServer().start();
        TestDatabases.Open db = TestDatabases.H2.open(tempDir)) {
      TestStack stack = new TestStack(db.database(), Optional.of(smtp.settings()));
      Receipt receipt = stack.referrals.service().submit(NCT, Optional.of(Fixtures.trial(NCT, "team@nih.example")),
          Fixtures.form("Ada Lovelace"));
      assertThat(stack.referrals.service().withdraw(receipt.reference(), receipt.withdrawalCode())).isTrue();

      assertThat(stack.referrals.forwarder().drain()).isZero();
      assertThat(smtp.messages()).isEmpty();
    }
  }

  @Test
  void aRecipientTheServerRefusesIsRetriedThenMarkedFailedForAnAdministrator() throws Exception {
    try (SmtpTestServer smtp = new SmtpTestServer();
        TestDatabases.Open db = TestDatabases.H2.open(tempDir)) {
      TestStack stack = new TestStack(db.database(), Optional.of(smtp.settings()));
      Receipt receipt = stack.referrals.service().submit(NCT, Optional.of(Fixtures.trial(NCT, "team@nih.example")),
          Fixtures.form("Ada Lovelace"));
      for (int i = 0; i < 8; i++) {
        stack.referrals.forwarder().drain();
        stack.clock.advance(Duration.ofMinutes(5));
      }
      List<OutboxEntry> entries = stack.referrals.outbox().forReferral(receipt.referralId());
      assertThat(entries).allSatisfy(e -> {
        assertThat(e.state()).isEqualTo(DeliveryState.FAILED);
        assertThat(e.attempts()).isEqualTo(8);
      });
      assertThat(stack.referrals.forwarder().drain()).isZero();

      smtp.start();
      var admin = stack.user("admin@eligo.example", org.eligo.referral.staff.Role.ADMIN);
      for (OutboxEntry e : entries) {
        assertThat(stack.referrals.desk().retryDelivery(admin, e.id(), Optional.empty()).isOk()).isTrue();
      }
      assertThat(stack.referrals.forwarder().drain()).isEqualTo(2);
      assertThat(smtp.messages()).hasSize(2);
      assertThat(smtp.messages().stream().map(SmtpTestServer::to).collect(Collectors.toSet()))
          .containsExactlyInAnyOrder("team@nih.example", "ada.lovelace@example.org");
      assertThat(smtp.messages().stream().collect(Collectors.groupingBy(Function.identity()))).hasSize(2);
    }
  }
}

package org.eligo.referral;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eligo.referral.outbox.DeliveryState;
import org.eligo.referral.outbox.SmtpTestServer;
import org.eligo.store.Database;
import org.eligo.store.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety with a real process kill: a burst of forms goes to a separate JVM ({@link ReferralNode}) that stores
 * and forwards them; it is killed with {@code destroyForcibly} (SIGKILL, like {@code kill -9}) part-way, restarted on the same database,
 * and given the forms it never acknowledged again. Every acknowledged referral must then be stored and forwarded
 * to the trial team and confirmed to the person exactly once per delivery id.
 */
class CrashSafetyTest {

  private static final int FORMS = 150;
  private static final int FIRST_BURST = 40;
  private static final int MAILS_BEFORE_KILL = 10;
  private static final int KILL_AFTER_ACKS = 70;

  @TempDir
  Path dataDir;

  /** One running node and its pipes. */
  private record Node(Process process, PrintWriter in, BufferedReader out) {
    String read() throws IOException {
      String line = out.readLine();
      if (line == null) throw new IOException("node exited");
      return line;
    }
  }

  @Test
  void everyAcknowledgedReferralSurvivesAKillAndIsForwardedExactlyOnce() throws Exception {
    try (SmtpTestServer smtp = new SmtpTestServer().start()) {
      Map<String, String> acknowledged = new HashMap<>();  // name -> reference

      Node first = start(smtp, "node-1");
      // A first burst, stored and being forwarded ...
      for (int i = 0; i < FIRST_BURST; i++) first.in().println("SUBMIT Person " + i);
      first.in().flush();
      while (acknowledged.size() < FIRST_BURST) {
        String[] ack = first.read().split(" ");
        acknowledged.put(ack[1] + " " + ack[2], ack[3]);
      }
      long forwarding = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (smtp.messages().size() < MAILS_BEFORE_KILL && System.nanoTime() < forwarding) Thread.sleep(5);
      // ... then the rest of the burst, and kill -9 while forms are being stored and mail is going out.
      for (int i = FIRST_BURST; i < FORMS; i++) first.in().println("SUBMIT Person " + i);
      first.in().flush();
      while (acknowledged.size() < KILL_AFTER_ACKS) {
        String[] ack = first.read().split(" ");
        acknowledged.put(ack[1] + " " + ack[2], ack[3]);
      }
      // SIGKILL through the process handle: Process.destroyForcibly would also close our end of its output,
      // and the acknowledgements it wrote just before dying must still be read.
      first.process().toHandle().destroyForcibly();
      assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
      int mailsBeforeKill = smtp.messages().size();
      for (String line; (line = first.out().readLine()) != null; ) {
        String[] ack = line.split(" ");
        if (ack[0].equals("ACK")) acknowledged.put(ack[1] + " " + ack[2], ack[3]);
      }
      int ackedBeforeKill = acknowledged.size();
      assertThat(ackedBeforeKill).as("killed part-way through the burst").isLessThan(FORMS);
      assertThat(mailsBeforeKill).as("killed part-way through forwarding").isLessThan(2 * ackedBeforeKill);

      Node second = start(smtp, "node-2");
      List<String> retried = new ArrayList<>();
      for (int i = 0; i < FORMS; i++) {
        if (!acknowledged.containsKey("Person " + i)) retried.add("Person " + i);
      }
      for (String name : retried) second.in().println("SUBMIT " + name);
      second.in().flush();
      for (int i = 0; i < retried.size(); i++) {
        String[] ack = second.read().split(" ");
        acknowledged.put(ack[1] + " " + ack[2], ack[3]);
      }
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (true) {
        second.in().println("UNDELIVERED");
        second.in().flush();
        if (second.read().equals("UNDELIVERED 0")) break;
        assertThat(System.nanoTime()).as("everything delivered within 2 minutes").isLessThan(deadline);
        Thread.sleep(200);
      }
      second.in().println("QUIT");
      second.in().flush();
      assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).isTrue();

      assertThat(acknowledged).hasSize(FORMS);
      try (Database database = Database.open(DatabaseConfig.embedded(dataDir))) {
        Set<String> stored = new HashSet<>(database.jdbi().withHandle(h -> h.createQuery(
            "SELECT reference FROM referral").mapTo(String.class).list()));
        assertThat(stored).as("every acknowledged referral is stored").containsAll(acknowledged.values());
        List<String> deliveryIds = database.jdbi().withHandle(h -> h.createQuery(
            "SELECT delivery_id FROM outbox WHERE state = :state").bind("state", DeliveryState.DELIVERED.name())
            .mapTo(String.class).list());
        long outboxRows = database.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM outbox")
            .mapTo(Long.class).one());
        assertThat(deliveryIds).as("every outbox row delivered").hasSize((int) outboxRows);
        assertThat(outboxRows).isEqualTo(2L * stored.size());

        List<MimeMessage> mails = smtp.messages();
        Map<String, Long> perDeliveryId = mails.stream().collect(Collectors.groupingBy(
            m -> SmtpTestServer.header(m, "X-Eligo-Delivery"), Collectors.counting()));
        assertThat(perDeliveryId.keySet()).as("each delivery id arrived, and no other")
            .containsExactlyInAnyOrderElementsOf(deliveryIds);
        long duplicates = mails.size() - perDeliveryId.size();
        for (String reference : acknowledged.values()) {
          Set<String> ids = mails.stream()
              .filter(m -> SmtpTestServer.subject(m).contains(reference))
              .map(m -> SmtpTestServer.header(m, "X-Eligo-Delivery"))
              .collect(Collectors.toSet());
          assertThat(ids).as(reference + ": one team e-mail and one confirmation").hasSize(2);
        }
        assertThat(duplicates).as("a resend can only be the one message in flight when the process died")
            .isLessThanOrEqualTo(1);
        System.out.printf("crash test: %d forms, killed after %d acknowledgements (%d mails sent by then; %d still unsent),"
                + " %d resubmitted, %d referrals stored, %d mails, %d distinct deliveries, %d re-sent after kill%n",
            FORMS, ackedBeforeKill, mailsBeforeKill, 2 * ackedBeforeKill - mailsBeforeKill, retried.size(),
            stored.size(), mails.size(),
            perDeliveryId.size(), duplicates);
      }
    }
  }

  private Node start(SmtpTestServer smtp, String worker) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        ReferralNode.class.getName(), dataDir.toString(), Integer.toString(smtp.port()), worker)
        .redirectError(dataDir.resolveSibling(dataDir.getFileName() + "-" + worker + ".err").toFile())
        .start();
    Node node = new Node(process, new PrintWriter(process.getOutputStream(), false, StandardCharsets.UTF_8),
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)));
    assertThat(node.read()).isEqualTo("READY");
    return node;
  }
}

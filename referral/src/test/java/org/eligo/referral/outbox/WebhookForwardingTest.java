package org.eligo.referral.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eligo.referral.Fixtures;
import org.eligo.referral.Receipt;
import org.eligo.referral.TestDatabases;
import org.eligo.referral.TestStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forwarding by signed webhook to a real HTTP server on loopback. */
class WebhookForwardingTest {

  private static final String NCT = "NCT02979873";
  private static final String SECRET = "a-shared-key-of-some-length";

  record Received(String signature, String delivery, byte[] body) {
  }

  @TempDir
  Path tempDir;

  @Test
  void theWebhookGetsSignedJsonAReceiverCanVerifyAndFailuresAreRetried() throws Exception {
    List<Received> received = new CopyOnWriteArrayList<>();
    AtomicInteger failuresLeft = new AtomicInteger(2);
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/hook", exchange -> {
      byte[] body = exchange.getRequestBody().readAllBytes();
      int status = failuresLeft.getAndDecrement() > 0 ? 503 : 204;
      if (status == 204) {
        received.add(new Received(exchange.getRequestHeaders().getFirst("X-Eligo-Signature"),
            exchange.getRequestHeaders().getFirst("X-Eligo-Delivery"), body));
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    });
    server.start();
    try (TestDatabases.Open db = TestDatabases.H2.open(tempDir)) {
      TestStack stack = new TestStack(db.database(), Optional.empty());
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
      stack.referrals.routes().save(new ForwardingRoute(NCT, ForwardingRoute.Kind.WEBHOOK, url, Optional.of(SECRET)),
          stack.clock.instant());
      Receipt receipt = stack.referrals.service().submit(NCT, Optional.of(Fixtures.trial(NCT, "team@nih.example")),
          Fixtures.form("Ada Lovelace"));

      assertThat(stack.referrals.forwarder().drain()).as("webhook only: no mail server configured").isEqualTo(1);
      stack.clock.advance(Duration.ofSeconds(10));
      assertThat(stack.referrals.forwarder().drain()).isEqualTo(1);
      assertThat(received).isEmpty();
      stack.clock.advance(Duration.ofSeconds(20));
      assertThat(stack.referrals.forwarder().drain()).isEqualTo(1);
      stack.clock.advance(Duration.ofHours(1));
      assertThat(stack.referrals.forwarder().drain()).isZero();

      assertThat(received).hasSize(1);
      Received hook = received.get(0);
      OutboxEntry entry = stack.referrals.outbox().forReferral(receipt.referralId()).get(0);
      assertThat(entry.kind()).isEqualTo(DeliveryKind.FORWARD_WEBHOOK);
      assertThat(entry.state()).isEqualTo(DeliveryState.DELIVERED);
      assertThat(entry.attempts()).isEqualTo(3);
      assertThat(hook.delivery()).isEqualTo(entry.deliveryId());

      // Verified the way a receiver would, independently of WebhookSignature.
      String[] parts = hook.signature().split(",");
      String t = parts[0].substring(2);
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update((t + ".").getBytes(StandardCharsets.US_ASCII));
      assertThat(parts[1]).isEqualTo("v1=" + HexFormat.of().formatHex(mac.doFinal(hook.body())));
      assertThat(WebhookSignature.verify(SECRET, hook.signature(), hook.body(), stack.clock.instant(),
          Duration.ofHours(2))).isTrue();
      assertThat(WebhookSignature.verify("another-key-entirely", hook.signature(), hook.body(), stack.clock.instant(),
          Duration.ofHours(2))).isFalse();
      byte[] tampered = new String(hook.body(), StandardCharsets.UTF_8).replace("Ada", "Eve")
          .getBytes(StandardCharsets.UTF_8);
      assertThat(WebhookSignature.verify(SECRET, hook.signature(), tampered, stack.clock.instant(),
          Duration.ofHours(2))).isFalse();
      assertThat(WebhookSignature.verify(SECRET, hook.signature(), hook.body(), stack.clock.instant()
          .plus(Duration.ofDays(1)), Duration.ofMinutes(5))).as("replayed a day later").isFalse();

      JsonNode json = new ObjectMapper().readTree(hook.body());
      assertThat(json.get("reference").asText()).isEqualTo(receipt.reference());
      assertThat(json.get("nctId").asText()).isEqualTo(NCT);
      assertThat(json.get("name").asText()).isEqualTo("Ada Lovelace");
      assertThat(json.get("answers").get(0).get("question").asText()).isEqualTo("Age");
      assertThat(json.get("consent").get("share").asBoolean()).isTrue();
      assertThat(json.toString()).doesNotContain(receipt.withdrawalCode());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void aWebhookRouteMustBeHttpsExceptOnLoopbackAndHaveAKey() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ForwardingRoute(NCT, ForwardingRoute.Kind.WEBHOOK,
        "http://hooks.example.org/x", Optional.of(SECRET))).hasMessageContaining("https");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ForwardingRoute(NCT, ForwardingRoute.Kind.WEBHOOK,
        "https://hooks.example.org/x", Optional.of("short"))).hasMessageContaining("16 characters");
    assertThat(new ForwardingRoute(NCT, ForwardingRoute.Kind.WEBHOOK, "https://hooks.example.org/x",
        Optional.of(SECRET)).destination()).isInstanceOf(Destination.Webhook.class);
  }

  @Test
  void aSignatureIsBoundToItsTimestamp() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    Instant at = Instant.parse("2026-03-01T09:00:00Z");
    String header = WebhookSignature.sign(SECRET, at, body);
    String shifted = header.replace("t=" + at.getEpochSecond(), "t=" + (at.getEpochSecond() + 1));
    assertThat(WebhookSignature.verify(SECRET, header, body, at, Duration.ofMinutes(5))).isTrue();
    assertThat(WebhookSignature.verify(SECRET, shifted, body, at, Duration.ofMinutes(5))).isFalse();
    assertThat(WebhookSignature.verify(SECRET, "garbage", body, at, Duration.ofMinutes(5))).isFalse();
  }
}

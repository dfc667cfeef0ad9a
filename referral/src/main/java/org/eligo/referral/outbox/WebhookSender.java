package org.eligo.referral.outbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/** Posts signed JSON to a trial team's webhook (java.net.http); any 2xx answer means delivered. */
public final class WebhookSender {

  private final HttpClient client;
  private final Clock clock;
  private final Duration timeout;

  public WebhookSender(Clock clock, Duration timeout) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
  }

  public void send(URI url, String secret, String deliveryId, byte[] json) throws DeliveryFailure {
    HttpRequest request = HttpRequest.newBuilder(url)
        .timeout(timeout)
        .header("Content-Type", "application/json; charset=utf-8")
        .header(WebhookSignature.DELIVERY_HEADER, deliveryId)
        .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, clock.instant(), json))
        .POST(HttpRequest.BodyPublishers.ofByteArray(json))
        .build();
    try {
      HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 != 2) {
        throw new DeliveryFailure("webhook answered HTTP " + response.statusCode());
      }
    } catch (IOException e) {
      throw new DeliveryFailure("webhook unreachable (" + e.getClass().getSimpleName() + ")", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailure("interrupted while posting the webhook", e);
    }
  }
}

package org.eligo.referral.outbox;

import java.net.URI;
import java.util.Objects;

/** Where a referral is forwarded. */
public sealed interface Destination permits Destination.Email, Destination.Webhook, Destination.Nowhere {

  /** An e-mail address of the trial team. */
  record Email(String address) implements Destination {
    public Email {
      Objects.requireNonNull(address, "address");
    }
  }

  /** A trial team's webhook; the HMAC key is looked up in the forwarding route when sending. */
  record Webhook(URI url) implements Destination {
    public Webhook {
      Objects.requireNonNull(url, "url");
    }
  }

  /** No contact is known: the referral is stored and waits for an administrator to set a route. */
  record Nowhere() implements Destination {
  }
}

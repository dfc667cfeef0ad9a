package org.eligo.referral.outbox;

/**
 * A message could not be delivered this time. The reason is safe to store and show: it names the kind of failure
 * and any status code, never an address or any of the referral's content.
 */
public final class DeliveryFailure extends Exception {

  private static final long serialVersionUID = 1L;

  public DeliveryFailure(String reason, Throwable cause) {
    super(reason, cause);
  }

  public DeliveryFailure(String reason) {
    super(reason);
  }

  public String reason() {
    String m = getMessage();
    return m.length() > 480 ? m.substring(0, 480) : m;
  }
}

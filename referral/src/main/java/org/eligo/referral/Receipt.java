package org.eligo.referral;

import java.util.Objects;

/**
 * What the person is told once their form is stored: the reference number, and the withdrawal code that lets
 * them withdraw and have their data erased (shown once, also e-mailed, stored only as a hash).
 *
 * @param forwardedTo whether a trial contact or route was known: false means the referral waits for an
 *     administrator to set one
 */
public record Receipt(long referralId, String reference, String withdrawalCode, boolean forwardedTo) {

  public Receipt {
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(withdrawalCode, "withdrawalCode");
  }

  @Override
  public String toString() {
    return "Receipt[" + reference + ", withdrawalCode=***]";
  }
}

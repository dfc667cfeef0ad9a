package org.eligo.referral.outbox;

/** What an outbox row sends. */
public enum DeliveryKind {
  /** The referral, by e-mail, to the trial team. */
  FORWARD_EMAIL,
  /** The referral, by signed webhook, to the trial team's system. */
  FORWARD_WEBHOOK,
  /** The reference number and withdrawal code, by e-mail, to the person. */
  CONFIRMATION_EMAIL
}

package org.eligo.referral.outbox;

/** Where an outbox row is. */
public enum DeliveryState {
  /** Waiting to be sent, or to be retried at its next attempt time. */
  PENDING,
  /** Accepted by the recipient's server. */
  DELIVERED,
  /** Given up after the maximum number of attempts; an administrator may retry it. */
  FAILED,
  /** The trial has no contact e-mail and no forwarding route; an administrator must set one. */
  NO_DESTINATION,
  /** Not sent because the person withdrew first. */
  CANCELLED
}

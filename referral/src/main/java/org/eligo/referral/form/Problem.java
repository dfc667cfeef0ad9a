package org.eligo.referral.form;

/** Why a form field was refused; each has a message in {@code org/eligo/referral/messages.properties}. */
public enum Problem {
  /** The field is required and empty. */
  REQUIRED,
  /** Longer than the field allows. */
  TOO_LONG,
  /** Not the expected shape (an e-mail address, a phone number). */
  INVALID_FORMAT,
  /** A line break where one is not allowed: in a one-line field, or one that ends up in a mail header. */
  LINE_BREAK,
  /** A control character other than a line break or tab. */
  CONTROL_CHARACTER,
  /** Text that was not valid UTF-8 when received (a replacement character or an unpaired surrogate). */
  INVALID_ENCODING,
  /** Neither an e-mail address nor a phone number was given. */
  CONTACT_REQUIRED,
  /** A required consent box was not ticked. */
  CONSENT_REQUIRED,
  /** More entries than allowed (answers). */
  TOO_MANY
}

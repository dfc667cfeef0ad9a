package org.eligo.referral;

import java.util.Objects;

/**
 * The outcome of a staff operation. A record outside the caller's trials is {@link NotFound}, exactly like a
 * record that does not exist, so guessing ids reveals nothing; {@link Forbidden} is for an operation the caller's
 * role may not do on something it may see.
 */
public sealed interface DeskResult<T> permits DeskResult.Ok, DeskResult.NotFound, DeskResult.Forbidden,
    DeskResult.Invalid {

  record Ok<T>(T value) implements DeskResult<T> {
    public Ok {
      Objects.requireNonNull(value, "value");
    }
  }

  record NotFound<T>() implements DeskResult<T> {
  }

  record Forbidden<T>() implements DeskResult<T> {
  }

  /** The request was understood but cannot be done (a status change the workflow does not allow, an empty note). */
  record Invalid<T>(String reason) implements DeskResult<T> {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
    }
  }

  default boolean isOk() {
    return this instanceof Ok;
  }

  /** The value of an {@link Ok}. @throws IllegalStateException otherwise */
  default T orElseThrow() {
    if (this instanceof Ok<T> ok) return ok.value();
    throw new IllegalStateException("not allowed or not found: " + this);
  }
}

package org.eligo.referral;

import java.util.List;
import java.util.Objects;
import org.eligo.referral.outbox.OutboxEntry;
import org.eligo.referral.record.Note;
import org.eligo.referral.record.Referral;
import org.eligo.referral.record.StatusChange;

/** What staff see of one referral: the referral, its notes, its status history and its deliveries. */
public record ReferralDetails(Referral referral, List<Note> notes, List<StatusChange> history,
    List<OutboxEntry> deliveries) {

  public ReferralDetails {
    Objects.requireNonNull(referral, "referral");
    notes = List.copyOf(notes);
    history = List.copyOf(history);
    deliveries = List.copyOf(deliveries);
  }
}

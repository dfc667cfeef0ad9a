package org.eligo.referral.outbox;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eligo.core.trial.ContactsLocations;
import org.eligo.core.trial.Trial;
import org.eligo.store.trial.StoredStudy;

/**
 * Decides where a referral goes: the trial's forwarding route if an administrator set one; else the chosen site's
 * first contact with an e-mail address; else the trial's first central contact with one; else nowhere (the
 * referral is kept and shown as undeliverable until a route is set).
 */
public final class DestinationResolver {

  private static final Pattern PLAIN_EMAIL = Pattern.compile("[^\\s@<>\"]+@[^\\s@<>\"]+\\.[^\\s@<>\"]+");

  private DestinationResolver() {
  }

  public static Destination resolve(Optional<ForwardingRoute> route, Optional<Trial> trial, Optional<String> siteKey) {
    if (route.isPresent()) return route.get().destination();
    ContactsLocations contacts = trial.map(Trial::contactsLocations).orElse(null);
    if (contacts == null) return new Destination.Nowhere();
    if (siteKey.isPresent()) {
      for (ContactsLocations.Location site : contacts.locations()) {
        if (StoredStudy.siteKey(site.facility(), site.city(), site.country()).equals(siteKey.get())) {
          Optional<String> email = firstEmail(site.contacts());
          if (email.isPresent()) return new Destination.Email(email.get());
        }
      }
    }
    return firstEmail(contacts.centralContacts()).<Destination>map(Destination.Email::new)
        .orElseGet(Destination.Nowhere::new);
  }

  /** The sites of a trial a person may choose, as site keys, in registry order. */
  public static List<String> siteKeys(Trial trial) {
    if (trial.contactsLocations() == null) return List.of();
    return trial.contactsLocations().locations().stream()
        .map(site -> StoredStudy.siteKey(site.facility(), site.city(), site.country()))
        .distinct()
        .toList();
  }

  private static Optional<String> firstEmail(List<ContactsLocations.Contact> contacts) {
    return contacts.stream()
        .map(ContactsLocations.Contact::email)
        .filter(e -> e != null && PLAIN_EMAIL.matcher(e.strip()).matches())
        .map(String::strip)
        .findFirst();
  }
}

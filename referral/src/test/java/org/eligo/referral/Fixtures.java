package org.eligo.referral;

import java.util.List;
import org.eligo.core.trial.ContactsLocations;
import org.eligo.core.trial.Identification;
import org.eligo.core.trial.RecruitmentStatus;
import org.eligo.core.trial.Trial;
import org.eligo.referral.form.Answer;
import org.eligo.referral.form.FormCheck;
import org.eligo.referral.form.InterestForm;
import org.eligo.referral.form.InterestFormInput;
import org.eligo.referral.form.InterestFormValidator;

/** Forms and trials for referral tests. */
public final class Fixtures {

  private Fixtures() {
  }

  /** A complete, valid form input for {@code name}. */
  public static InterestFormInput input(String name) {
    String local = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", ".");
    return new InterestFormInput(name, local + "@example.org", "+1 301 555 0100", true, true,
        List.of(new Answer("Age", "54"), new Answer("Diagnosed with severe aplastic anemia", "yes")),
        "Best reached in the morning.\nThank you.", null);
  }

  /** {@link #input} validated. */
  public static InterestForm form(String name) {
    return form(input(name));
  }

  public static InterestForm form(InterestFormInput input) {
    return switch (InterestFormValidator.check(input)) {
      case FormCheck.Accepted accepted -> accepted.form();
      case FormCheck.Refused refused -> throw new AssertionError("fixture form refused: " + refused.problems());
    };
  }

  /** A trial with a central contact e-mail and one site with its own contact. */
  public static Trial trial(String nctId, String centralEmail) {
    Identification id = new Identification(nctId, List.of(), null, List.of(), "Sirolimus for relapse prevention",
        null, null, null);
    ContactsLocations.Contact central = new ContactsLocations.Contact("Study Team",
        ContactsLocations.ContactRole.CONTACT, "301-555-0199", null, centralEmail);
    ContactsLocations.Location site = new ContactsLocations.Location("National Institutes of Health Clinical Center",
        RecruitmentStatus.RECRUITING, "Bethesda", "Maryland", "20892", "United States",
        List.of(new ContactsLocations.Contact("Site Coordinator", ContactsLocations.ContactRole.CONTACT, null, null,
            "site-" + centralEmail)), null);
    return new Trial(id, null, null, null, null, null, null, null, null, null,
        new ContactsLocations(central == null ? List.of() : List.of(central), List.of(), List.of(site)),
        null, null, null, null, null);
  }
}

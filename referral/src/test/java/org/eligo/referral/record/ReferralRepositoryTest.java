package org.eligo.referral.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eligo.referral.Fixtures;
import org.eligo.referral.Receipt;
import org.eligo.referral.TestDatabases;
import org.eligo.referral.TestStack;
import org.eligo.referral.form.Answer;
import org.eligo.referral.outbox.DeliveryKind;
import org.eligo.referral.outbox.DeliveryState;
import org.eligo.referral.outbox.OutboxEntry;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ReferralRepositoryTest {

  private static final String NCT = "NCT02979873";

  @TempDir
  Path tempDir;

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void aSubmissionIsStoredWithItsOutboxRowsInOneTransaction(TestDatabases backend) {
    try (TestDatabases.Open db = backend.open(tempDir)) {
      TestStack stack = new TestStack(db.database(), Optional.empty());
      Receipt receipt = stack.referrals.service().submit(NCT, Optional.of(Fixtures.trial(NCT, "team@nih.example")),
          Fixtures.form("Ada Lovelace"));

      assertThat(receipt.reference()).matches("EL-[0-9A-HJKMNP-TV-Z]{8}");
      assertThat(receipt.withdrawalCode()).hasSize(10);
      assertThat(receipt.forwardedTo()).isTrue();
      Referral stored = stack.referrals.repository().find(receipt.referralId()).orElseThrow();
      assertThat(stored.reference()).isEqualTo(receipt.reference());
      assertThat(stored.name()).contains("Ada Lovelace");
      assertThat(stored.email()).contains("ada.lovelace@example.org");
      assertThat(stored.trialTitle()).contains("Sirolimus for relapse prevention");
      assertThat(stored.answers()).containsExactly(new Answer("Age", "54"),
          new Answer("Diagnosed with severe aplastic anemia", "yes"));
      assertThat(stored.message()).contains("Best reached in the morning.\nThank you.");
      assertThat(stored.status()).isEqualTo(ReferralStatus.NEW);

      List<OutboxEntry> outbox = stack.referrals.outbox().forReferral(receipt.referralId());
      assertThat(outbox).extracting(OutboxEntry::kind)
          .containsExactly(DeliveryKind.FORWARD_EMAIL, DeliveryKind.CONFIRMATION_EMAIL);
      assertThat(outbox).extracting(e -> e.destination().orElseThrow())
          .containsExactly("team@nih.example", "ada.lovelace@example.org");
      assertThat(outbox).allSatisfy(e -> assertThat(e.state()).isEqualTo(DeliveryState.PENDING));
      assertThat(outbox.get(1).secretPayload()).contains(receipt.withdrawalCode());
      assertThat(outbox.get(0).deliveryId()).isNotEqualTo(outbox.get(1).deliveryId());
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void theChosenSiteContactIsPreferredAndATrialWithoutContactsParksTheForward(TestDatabases backend) {
    try (TestDatabases.Open db = backend.open(tempDir)) {
      TestStack stack = new TestStack(db.database(), Optional.empty());
      var input = Fixtures.input("Grace Hopper");
      var withSite = new org.eligo.referral.form.InterestFormInput(input.name(), input.email(), input.phone(), true,
          true, input.answers(), input.message(),
          "National Institutes of Health Clinical Center|Bethesda|United States");
      Receipt site = stack.referrals.service().submit(NCT, Optional.of(Fixtures.trial(NCT, "team@nih.example")),
          Fixtures.form(withSite));
      assertThat(stack.referrals.outbox().forReferral(site.referralId()).get(0).destination())
          .contains("site-team@nih.example");

      Receipt nowhere = stack.referrals.service().submit("NCT00000001", Optional.empty(), Fixtures.form("Alan Turing"));
      assertThat(nowhere.forwardedTo()).isFalse();
      assertThat(stack.referrals.outbox().forReferral(nowhere.referralId()).get(0).state())
          .isEqualTo(DeliveryState.NO_DESTINATION);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void statusFollowsTheWorkflowWithHistoryAndScreeningCounts(TestDatabases backend) {
    try (TestDatabases.Open db = backend.open(tempDir)) {
      TestStack stack = new TestStack(db.database(), Optional.empty());
      ReferralRepository repository = stack.referrals.repository();
      long a = stack.referrals.service().submit(NCT, Optional.empty(), Fixtures.form("Ada Lovelace")).referralId();
      long b = stack.referrals.service().submit(NCT, Optional.empty(), Fixtures.form("Grace Hopper")).referralId();
      stack.referrals.service().submit("NCT00000002", Optional.empty(), Fixtures.form("Other Trial"));

      assertThat(repository.changeStatus(a, ReferralStatus.NEW, ReferralStatus.CONTACTED, "c@x.org",
          stack.clock.instant())).isTrue();
      assertThat(repository.changeStatus(a, ReferralStatus.NEW, ReferralStatus.SCREENING, "c@x.org",
          stack.clock.instant())).as("stale 'from' status").isFalse();
      assertThat(repository.changeStatus(a, ReferralStatus.CONTACTED, ReferralStatus.ENROLLED, "c@x.org",
          stack.clock.instant())).isTrue();
      assertThatThrownBy(() -> repository.changeStatus(b, ReferralStatus.NOT_ELIGIBLE, ReferralStatus.NEW, "c",
          stack.clock.instant())).isInstanceOf(IllegalArgumentException.class);

      assertThat(repository.history(a)).extracting(StatusChange::to)
          .containsExactly(ReferralStatus.CONTACTED, ReferralStatus.ENROLLED);
      ScreeningLog log = repository.screeningLog(NCT);
      assertThat(log.total()).isEqualTo(2);
      assertThat(log.count(ReferralStatus.ENROLLED)).isEqualTo(1);
      assertThat(log.count(ReferralStatus.NEW)).isEqualTo(1);
      assertThat(log.deliveries()).containsEntry("NO_DESTINATION", 2L);
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void searchStaysInsideTheScopeAndTreatsLikeWildcardsAsText(TestDatabases backend) {
    try (TestDatabases.Open db = backend.open(tempDir)) {
      TestStack stack = new TestStack(db.database(), Optional.empty());
      Receipt ada = stack.referrals.service().submit(NCT, Optional.empty(), Fixtures.form("Ada Lovelace"));
      stack.referrals.service().submit("NCT00000002", Optional.empty(), Fixtures.form("Ada Byron"));
      ReferralRepository repository = stack.referrals.repository();

      assertThat(names(repository.list(query(Set.of(NCT), "ada")))).containsExactly("Ada Lovelace");
      assertThat(names(repository.list(query(Set.of(NCT, "NCT00000002"), "ADA")))).hasSize(2);
      assertThat(names(repository.list(query(Set.of(NCT), "%")))).isEmpty();
      assertThat(names(repository.list(query(Set.of(NCT), "_")))).isEmpty();
      assertThat(names(repository.list(query(Set.of(NCT), ada.reference().toLowerCase())))).containsExactly(
          "Ada Lovelace");
      assertThat(repository.list(query(Set.of(), "ada"))).isEmpty();
      assertThat(repository.list(new ReferralQuery(false, Set.of(NCT), Optional.of("NCT00000002"), Optional.empty(),
          Optional.empty(), 0, 10))).as("a trial outside the scope").isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void withdrawalErasesThePersonButKeepsTheCount(TestDatabases backend) {
    try (TestDatabases.Open db = backend.open(tempDir)) {
      TestStack stack = new TestStack(db.database(), Optional.empty());
      Receipt receipt = stack.referrals.service().submit(NCT, Optional.of(Fixtures.trial(NCT, "team@nih.example")),
          Fixtures.form("Ada Lovelace"));
      stack.referrals.repository().addNote(receipt.referralId(), "c@x.org", "Called Ada, no answer",
          stack.clock.instant());

      assertThat(stack.referrals.service().withdraw(receipt.reference(), "WRONGCODE0")).isFalse();
      assertThat(stack.referrals.service().withdraw(receipt.reference().toLowerCase().replace("-", " "),
          receipt.withdrawalCode().toLowerCase())).isTrue();
      assertThat(stack.referrals.service().withdraw(receipt.reference(), receipt.withdrawalCode()))
          .as("second time: nothing left").isFalse();

      Referral erased = stack.referrals.repository().find(receipt.referralId()).orElseThrow();
      assertThat(erased.erased()).isTrue();
      assertThat(erased.status()).isEqualTo(ReferralStatus.WITHDRAWN);
      assertThat(List.of(erased.name(), erased.email(), erased.phone(), erased.message(), erased.siteKey(),
          erased.trialTitle())).allMatch(Optional::isEmpty);
      assertThat(erased.answers()).isEmpty();
      assertThat(stack.referrals.repository().notes(receipt.referralId())).isEmpty();
      assertThat(stack.referrals.outbox().forReferral(receipt.referralId()))
          .allSatisfy(e -> {
            assertThat(e.state()).isEqualTo(DeliveryState.CANCELLED);
            assertThat(e.secretPayload()).isEmpty();
          });
      assertThat(stack.referrals.repository().screeningLog(NCT).count(ReferralStatus.WITHDRAWN)).isEqualTo(1);
      String everything = db.database().jdbi().withHandle(h -> h.createQuery(
          "SELECT CONCAT(COALESCE(full_name,''), COALESCE(email,''), COALESCE(phone,''), COALESCE(message,''))"
              + " FROM referral").mapTo(String.class).one());
      assertThat(everything).isEmpty();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.class)
  void retentionDeletesOnlyReferralsOlderThanThePeriod(TestDatabases backend) {
    try (TestDatabases.Open db = backend.open(tempDir)) {
      TestStack stack = new TestStack(db.database(), Optional.empty());
      long old = stack.referrals.service().submit(NCT, Optional.empty(), Fixtures.form("Old One")).referralId();
      stack.referrals.repository().addNote(old, "c@x.org", "note", stack.clock.instant());
      stack.clock.advance(Duration.ofDays(100));
      long recent = stack.referrals.service().submit(NCT, Optional.empty(), Fixtures.form("New One")).referralId();
      stack.clock.advance(Duration.ofDays(1));

      assertThat(stack.referrals.retention().apply(Duration.ofDays(90), "system")).isEqualTo(1);
      assertThat(stack.referrals.repository().find(old)).isEmpty();
      assertThat(stack.referrals.repository().find(recent)).isPresent();
      assertThat(stack.referrals.outbox().forReferral(old)).isEmpty();
      assertThat(stack.referrals.audit().recent(5, 0).get(0).detail()).contains("1 older than 90 days");
    }
  }

  private static ReferralQuery query(Set<String> trials, String text) {
    return new ReferralQuery(false, trials, Optional.empty(), Optional.empty(), Optional.of(text), 0, 100);
  }

  private static List<String> names(List<ReferralSummary> summaries) {
    return summaries.stream().map(s -> s.name().orElse("")).toList();
  }
}

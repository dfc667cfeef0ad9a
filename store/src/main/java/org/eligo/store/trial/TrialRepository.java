package org.eligo.store.trial;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/** The registry's stored studies: import, look-up, listing, full iteration and status history. */
public interface TrialRepository {

  /** Stores one study; see {@link #upsertAll}. */
  UpsertOutcome upsert(StoredStudy study);

  /**
   * Stores studies in one transaction and returns what happened to each, in the same order. A study with the
   * same content as stored is {@link UpsertOutcome#UNCHANGED} (nothing written); one whose last update post date
   * is older than the stored one's ({@link UpdateRecency}) is {@link UpsertOutcome#SKIPPED_OLDER}. Updates
   * append status history for the overall status and each site status that is new or changed ({@link #statusHistory}). A study
   * listed twice is stored in list order.
   */
  List<UpsertOutcome> upsertAll(List<StoredStudy> studies);

  /** {@link #upsertAll} for studies whose content hash is already computed. */
  List<UpsertOutcome> upsertHashed(List<HashedStudy> studies);

  Optional<StoredStudy> find(String nctId);

  /** Summaries matching the filter, in NCT order. */
  List<TrialSummary> list(ListFilter filter);

  /**
   * Every stored study in NCT order, read page by page so that the whole registry is never in memory. The
   * stream reads lazily; studies stored while it runs may or may not appear.
   */
  Stream<StoredStudy> streamAll();

  /**
   * Studies inserted or updated at or after {@code since}, in NCT order, page by page (e.g. to bring a search index
   * up to date after an import).
   */
  Stream<StoredStudy> streamUpdatedSince(java.time.Instant since);

  /**
   * An instant at or before the time stamped on every study this repository stores from now on, for {@link
   * #streamUpdatedSince} to find what an import is about to store. The stamps never go back, even when the system
   * clock does (a clock set back during an import would otherwise stamp studies before the import's start).
   */
  java.time.Instant changesFrom();

  /** Calls {@code action} for every stored study in NCT order, page by page. */
  default void forEachStudy(Consumer<StoredStudy> action) {
    try (Stream<StoredStudy> studies = streamAll()) {
      studies.forEach(action);
    }
  }

  int count();

  /** Every recorded status of the study, overall and per site, oldest first; empty for an unknown study. */
  List<StatusChange> statusHistory(String nctId);

  /**
   * NCT numbers (sorted) of studies whose status was last verified more than {@code maxAge} before {@code asOf}. A
   * month-only verified date counts as its last day; a study whose record gives no verified date is not counted (how
   * old its status is, is unknown).
   */
  Set<String> staleStatuses(LocalDate asOf, Period maxAge);
}

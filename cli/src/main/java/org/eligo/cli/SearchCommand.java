package org.eligo.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.Period;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eligo.core.trial.AgencyClass;
import org.eligo.core.trial.Design.Phase;
import org.eligo.core.trial.Design.StudyType;
import org.eligo.core.trial.Eligibility.Sex;
import org.eligo.core.trial.PartialDate;
import org.eligo.core.trial.RecruitmentStatus;
import org.eligo.registry.Registry;
import org.eligo.search.FacetDimension;
import org.eligo.search.GeoFilter;
import org.eligo.search.SearchPage;
import org.eligo.search.SortOrder;
import org.eligo.search.TrialFilters;
import org.eligo.search.TrialHit;
import org.eligo.search.TrialQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code eligo search QUERY}: full-text and faceted trial search. */
@Command(name = "search", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Finds trials by what you know: conditions, drugs (brand names, abbreviations and British "
        + "spellings count), NCT or sponsor study IDs, places. Results show the nearest site that is itself "
        + "recruiting, and flag statuses the registry has not verified for two years.", "",
        "Examples:",
        "  eligo search rapamycin for red cell aplasia",
        "  eligo search CsA refractory aplastic anaemia --near Beijing --within 100km",
        "  eligo search Evans syndrome --age 8y --open",
        "  eligo search --condition ITP --intervention eltrombopag --facets"})
final class SearchCommand implements Callable<Integer> {
  private static final Pattern KM = Pattern.compile("([0-9.]+)\\s*(km|mi)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern LAT_LON = Pattern.compile("\\s*(-?[0-9.]+)\\s*,\\s*(-?[0-9.]+)\\s*");

  @Spec
  CommandSpec spec;

  @Parameters(arity = "0..*", paramLabel = "WORDS", description = "What to look for.")
  List<String> words = List.of();

  @Option(names = "--condition", paramLabel = "TEXT", description = "Condition (like query.cond).")
  String condition;

  @Option(names = "--intervention", paramLabel = "TEXT", description = "Drug or intervention (like query.intr).")
  String intervention;

  @Option(names = "--status", split = EnumValues.LIST, splitSynopsisLabel = ",", paramLabel = "STATUS",
      description = "Overall status, repeatable: "
      + "${COMPLETION-CANDIDATES}.")
  Set<RecruitmentStatus> statuses = new LinkedHashSet<>();

  @Option(names = "--open", description = "Only trials open to enrolment (recruiting, not yet recruiting, by "
      + "invitation).")
  boolean open;

  @Option(names = "--phase", split = EnumValues.PHASES, splitSynopsisLabel = ",", paramLabel = "PHASE",
      preprocessor = EnumValues.CombinedPhases.class,
      description = "Phase, repeatable: ${COMPLETION-CANDIDATES}; also as the registry shows them (\"Not "
      + "Applicable\", \"Early Phase 1\", \"Phase 2\", \"Phase 1/Phase 2\" or \"Phase 1/2\" for both, \"Phase II\").")
  Set<Phase> phases = new LinkedHashSet<>();

  @Option(names = "--country", paramLabel = "NAME", description = "Country with a site, repeatable.")
  Set<String> countries = new LinkedHashSet<>();

  @Option(names = "--age", paramLabel = "AGE", description = "Trials open to a person of this age: 45, 45y, 18m, "
      + "6w, 20d.")
  String age;

  @Option(names = "--sex", paramLabel = "SEX", description = "Trials open to this sex: FEMALE or MALE.")
  Sex sex;

  @Option(names = "--study-type", split = EnumValues.LIST, splitSynopsisLabel = ",", paramLabel = "TYPE",
      description = "Study type, repeatable: "
      + "${COMPLETION-CANDIDATES}.")
  Set<StudyType> studyTypes = new LinkedHashSet<>();

  @Option(names = "--sponsor-class", split = EnumValues.LIST, splitSynopsisLabel = ",", paramLabel = "CLASS",
      description = "Lead sponsor's class, repeatable: "
      + "${COMPLETION-CANDIDATES}.")
  Set<AgencyClass> sponsorClasses = new LinkedHashSet<>();

  @Option(names = "--healthy-volunteers", paramLabel = "yes|no", description = "Only trials that take (yes) or do not "
      + "take (no) healthy volunteers.")
  String healthyVolunteers;

  @Option(names = "--started-from", paramLabel = "DATE", description = "Only trials that started on or after this "
      + "date (2020, 2020-06 or 2020-06-15).")
  String startedFrom;

  @Option(names = "--started-to", paramLabel = "DATE", description = "Only trials that started on or before this "
      + "date (2024, 2024-12 or 2024-12-31).")
  String startedTo;

  @Option(names = "--near", paramLabel = "PLACE", description = "Where: a city the registry's sites name "
      + "(Beijing), the city and its country (\"Beijing, China\"), state (\"Boston, Massachusetts\") or both, or "
      + "latitude,longitude in degrees (39.9,116.4). A "
      + "place no site is in is refused, never searched as everywhere.")
  String near;

  @Option(names = "--within", paramLabel = "DISTANCE", defaultValue = "100km",
      description = "Radius around --near (default: ${DEFAULT-VALUE}; km or mi).")
  String within;

  @Option(names = "--sort", paramLabel = "ORDER", description = "${COMPLETION-CANDIDATES} (default: relevance, or "
      + "distance with --near and no words).")
  SortOrder sort;

  @Option(names = "--page-size", defaultValue = "10", paramLabel = "N", description = "Results per page "
      + "(default: ${DEFAULT-VALUE}).")
  int pageSize;

  @Option(names = "--page", paramLabel = "TOKEN", description = "The next-page token a previous search printed.")
  String pageToken;

  @Option(names = "--facets", description = "Also print counts by status, phase, condition, country...")
  boolean facets;

  @Option(names = "--json", description = "Print the result page as JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    TrialQuery query = query();
    try (Registry registry = RegistryOptions.open(spec)) {
      if (query.geo() != null && query.geo().place() instanceof GeoFilter.City city
          && !registry.search().knowsPlace(city.name())) {
        // a country typed as the place: the option that takes it, rather than only "no such place"
        String country = isCountry(registry, city.name()) ? "'" + city.name() + "' is a country: --country \""
            + city.name() + "\" finds the trials with a site in it. " : "";
        throw new Problems.UserError(country + "no site in the registry is in a place called '" + city.name()
            + "'; --near takes a city the registry's sites name (--near Beijing), the city and its country (--near "
            + "\"Beijing, China\") or latitude,longitude (--near 39.9,116.4)");
      }
      SearchPage page;
      try {
        page = registry.search().search(query);
      } catch (IllegalArgumentException e) {
        throw new Problems.UserError(e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(new ObjectMapper().registerModule(new Jdk8Module()).registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writerWithDefaultPrettyPrinter()
            .writeValueAsString(page));
        return ExitCode.OK;
      }
      if (pageToken == null) {
        registry.search().didYouMean(query.text()).ifPresent(better -> out.println("Did you mean: " + better
            + "?  (eligo search " + better + ")\n"));
      }
      String nothing = page.hits().isEmpty() && query.geo() != null ? nothingNear(registry, query) : null;
      print(page, out, !query.filters().equals(TrialFilters.NONE) || query.geo() != null, nothing);
    }
    return ExitCode.OK;
  }

  /** Whether the text is a country some trial has a site in ("China", "united states"), as --country reads it. */
  private static boolean isCountry(Registry registry, String text) {
    return registry.search().search(TrialQuery.builder().filters(TrialFilters.NONE.withCountries(
        java.util.Set.of(text.strip()))).pageSize(1).facetLimit(0).build()).total() > 0;
  }

  /**
   * What a search with a place that found nothing says: whether the words found nothing anywhere (a larger --within
   * would not help) or found trials elsewhere (the place found nothing), with the next step for each.
   */
  private String nothingNear(Registry registry, TrialQuery query) {
    String place = "'" + near.strip() + "'";
    String radius = within.strip();
    boolean words = query.text() != null || query.condition() != null || query.intervention() != null;
    boolean filtered = !query.filters().equals(TrialFilters.NONE);
    long elsewhere = registry.search().search(TrialQuery.builder().text(query.text()).condition(query.condition())
        .intervention(query.intervention()).filters(query.filters()).pageSize(1).facetLimit(0).asOf(query.asOf())
        .build()).total();
    if (elsewhere == 0 && filtered) {
      // the filters may be what finds nothing: the words alone (or no words) find trials, with no filter
      long unfiltered = registry.search().search(TrialQuery.builder().text(query.text()).condition(query.condition())
          .intervention(query.intervention()).pageSize(1).facetLimit(0).asOf(query.asOf()).build()).total();
      if (unfiltered > 0) {
        return "No trials found: " + (words ? "the words find " + unfiltered + " trial" + (unfiltered == 1 ? "" : "s")
            + ", but none with these filters" : "no trial has these filters") + ", near " + place + " or anywhere "
            + "else, so a larger --within will not help. Try fewer filters.";
      }
    }
    if (words && elsewhere == 0) {
      return "No trials found: the words find nothing, near " + place + " or anywhere else, so a larger --within "
          + "will not help. Try fewer words, another spelling" + (filtered ? ", or without filters." : ".");
    }
    // the smallest larger distance that finds a trial, so the advice does not lead to another empty answer
    String next = "no --near";
    double km = query.geo().radiusKm();
    for (int wider : new int[] {25, 50, 100, 250, 500, 1000, 2500, 5000, 10000}) {
      if (wider > km && registry.search().search(TrialQuery.builder().text(query.text()).condition(query.condition())
          .intervention(query.intervention()).filters(query.filters())
          .geo(new GeoFilter(query.geo().place(), wider)).pageSize(1).facetLimit(0).asOf(query.asOf()).build())
          .total() > 0) {
        next = "--within " + wider + "km, which finds trials, or no --near";
        break;
      }
    }
    return "No trials found within " + radius + " of " + place + (elsewhere > 0 ? "; " + elsewhere + " trial"
        + (elsewhere == 1 ? " matches" : "s match") + " elsewhere: the place found nothing. Try " + next + "."
        : ". Try " + next + (filtered ? ", or without filters." : "."));
  }

  TrialQuery query() {
    TrialFilters filters = TrialFilters.NONE;
    Set<RecruitmentStatus> wanted = EnumSet.noneOf(RecruitmentStatus.class);
    wanted.addAll(statuses);
    if (open) for (RecruitmentStatus s : RecruitmentStatus.values()) if (s.isOpenToEnrolment()) wanted.add(s);
    filters = filters.withOverallStatus(wanted).withPhases(phases).withCountries(countries)
        .withStudyTypes(studyTypes).withSponsorClasses(sponsorClasses);
    if (sex != null) filters = filters.withSexes(Set.of(sex));
    if (healthyVolunteers != null) filters = filters.withHealthyVolunteers(yesNo(healthyVolunteers));
    if (startedFrom != null || startedTo != null) {
      try {
        filters = filters.withStartBetween(startedFrom == null ? null : new PartialDate(startedFrom.strip()).firstDay(),
            startedTo == null ? null : new PartialDate(startedTo.strip()).lastDay());
      } catch (IllegalArgumentException e) {
        throw new Problems.UserError("--started-from/--started-to: " + e.getMessage());
      }
    }
    if (near == null && spec != null && spec.commandLine().getParseResult().hasMatchedOption("--within")) {
      throw new Problems.UserError("--within needs --near (a city or lat,lon)");
    }
    if (age != null) filters = filters.withAgeOpenTo(age(age));
    GeoFilter geo = near == null ? null : geo(near, within);
    String text = String.join(" ", words).strip();
    SortOrder order = sort != null ? sort : geo != null && text.isEmpty() ? SortOrder.DISTANCE : SortOrder.RELEVANCE;
    if (order == SortOrder.DISTANCE && geo == null) throw new Problems.UserError("--sort DISTANCE needs --near");
    if (pageSize < 1 || pageSize > TrialQuery.MAX_PAGE_SIZE) {
      throw new Problems.UserError("--page-size must be 1 to " + TrialQuery.MAX_PAGE_SIZE);
    }
    return TrialQuery.builder().text(text.isEmpty() ? null : text).condition(condition).intervention(intervention)
        .filters(filters).geo(geo).sort(order).pageSize(pageSize).pageToken(pageToken).asOf(LocalDate.now()).build();
  }

  private static boolean yesNo(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "yes", "y", "true" -> true;
      case "no", "n", "false" -> false;
      default -> throw new Problems.UserError("--healthy-volunteers takes yes or no, not '" + text + "'");
    };
  }

  static Period age(String text) {
    try {
      return org.eligo.search.PersonAge.parse(text);
    } catch (IllegalArgumentException e) {
      throw new Problems.UserError("--age: " + e.getMessage());
    }
  }

  static GeoFilter geo(String near, String within) {
    Matcher km = KM.matcher(within.strip());
    double radius;
    try {
      if (!km.matches()) throw new NumberFormatException();
      radius = Double.parseDouble(km.group(1)) * ("mi".equalsIgnoreCase(km.group(2)) ? 1.609344 : 1);
    } catch (NumberFormatException e) {
      throw new Problems.UserError("--within takes a distance such as 100km or 50mi, not '" + within + "'");
    }
    if (!(radius > 0)) throw new Problems.UserError("--within must be more than 0");
    Matcher ll = LAT_LON.matcher(near);
    if (ll.matches()) {
      try {
        return GeoFilter.parse("distance(" + ll.group(1) + "," + ll.group(2) + "," + radius + "km)");
      } catch (IllegalArgumentException e) {
        throw new Problems.UserError("--near takes a city or lat,lon such as 39.9,116.4, not '" + near + "'");
      }
    }
    if (near.isBlank()) {
      throw new Problems.UserError("--near is empty: give a city the registry's sites name (--near Beijing), the city "
          + "and its country (--near \"Beijing, China\") or latitude,longitude (--near 39.9,116.4)");
    }
    if (near.strip().matches("[-0-9.,\\s]+")) {
      throw new Problems.UserError("--near takes a city or lat,lon such as 39.9,116.4, not '" + near + "'");
    }
    return GeoFilter.nearCity(near.strip(), radius);
  }

  /** A highlighted snippet as one line of plain text: matches between *stars*, entities decoded, at most 240 chars. */
  static String plain(String html) {
    String text = html.replaceAll("</?b>", "*").replaceAll("<[^>]+>", "");
    text = Pattern.compile("&#x([0-9a-fA-F]+);").matcher(text)
        .replaceAll(m -> Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1), 16))));
    text = Pattern.compile("&#([0-9]+);").matcher(text)
        .replaceAll(m -> Matcher.quoteReplacement(Character.toString(Integer.parseInt(m.group(1)))));
    text = text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
        .replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    return text.length() <= 240 ? text : text.substring(0, 239).strip() + "…";
  }

  private void print(SearchPage page, PrintWriter out, boolean filtered, String nothing) {
    if (page.hits().isEmpty()) {
      // "without filters" to a user who set none sent them looking for filters they did not have
      out.println(nothing != null ? nothing : filtered ? "No trials found. Try fewer words, another spelling, or without filters."
          : "No trials found. Try fewer words or another spelling: a condition (aplastic anemia), a drug (sirolimus) "
          + "or an NCT number.");
      return;
    }
    out.print(page.total() + " trial" + (page.total() == 1 ? "" : "s") + " found");
    long last = page.offset() + page.hits().size();
    out.println(page.offset() == 0 && last == page.total() ? ""
        : String.format("; showing %,d-%,d", page.firstRank(), last));
    long rank = page.offset();
    for (TrialHit hit : page.hits()) {
      out.printf("%n%2d. %s  %s  [%s]%n", ++rank, hit.nctId(), hit.title(), hit.overallStatus() == null
          ? "status not given" : hit.overallStatus().label());
      hit.nearestRecruitingSite().ifPresent(site -> out.printf("    nearest recruiting site: %s, %s%s%n",
          site.facility() == null ? "" : site.facility(), site.city() + ", " + site.country(),
          site.distanceKm().isPresent() ? String.format(" (%.0f km)", site.distanceKm().getAsDouble()) : ""));
      if (hit.staleStatus()) {
        out.println("    note: status not verified by the registry since " + hit.statusVerified());
      }
      hit.snippets().stream().limit(2).forEach(s -> out.println("    " + s.field() + ": " + plain(s.html())));
    }
    page.nextPageToken().ifPresent(token -> out.println("\nMore: add --page " + token));
    if (facets) {
      for (FacetDimension d : FacetDimension.values()) {
        List<SearchPage.FacetCount> counts = page.facet(d);
        if (counts.isEmpty()) continue;
        out.println("\n" + d.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ":");
        counts.forEach(c -> out.printf("  %-40s %d%n", c.value(), c.count()));
      }
    }
  }
}

package org.eligo.server.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eligo.core.trial.RecruitmentStatus;
import org.eligo.core.trial.Trial;
import org.eligo.search.FacetDimension;
import org.eligo.search.GeoFilter;
import org.eligo.search.SearchPage;
import org.eligo.search.SortOrder;
import org.eligo.search.TrialFilters;
import org.eligo.search.TrialHit;
import org.eligo.search.TrialQuery;
import org.eligo.server.api.SearchFilters;
import org.eligo.server.api.TrialLookup;
import org.eligo.server.http.ApiProblem;
import org.eligo.server.http.ProblemType;

/**
 * The "find trials" page ({@code /} and {@code /search}): one search box, location, status defaulting to trials open
 * to enrolment, facets as filters, result cards. A plain GET form, so it works without JavaScript.
 */
final class SearchView {
  static final int[] DISTANCES = {10, 25, 50, 100, 250, 500, 1000};
  private static final List<FacetDimension> FILTERS = List.of(FacetDimension.PHASE, FacetDimension.CONDITION,
      FacetDimension.INTERVENTION, FacetDimension.STUDY_TYPE, FacetDimension.COUNTRY, FacetDimension.SPONSOR_CLASS,
      FacetDimension.SEX, FacetDimension.HEALTHY_VOLUNTEERS);

  private final TrialLookup lookup;
  private final Messages m;
  private final Map<String, List<String>> params;
  /** The page asked for ({@code page}); null on the first page or after a page link that does not fit the search. */
  private String pageToken;
  /** Why the age typed in the form cannot be read; null when it can (or none was typed). */
  private String ageError;

  SearchView(TrialLookup lookup, Messages m, Map<String, List<String>> params) {
    this.lookup = lookup;
    this.m = m;
    this.params = params;
  }

  private String one(String name) {
    List<String> v = params.get(name);
    if (v == null || v.isEmpty() || v.get(0).isBlank()) return null;
    String s = v.get(0).strip();
    return s.length() > 300 ? s.substring(0, 300) : s;
  }

  private List<String> all(String name) {
    return params.getOrDefault(name, List.of()).stream().filter(s -> !s.isBlank()).toList();
  }

  /** Whether the form asked for something that cannot be read (the page says what, beside the field: 400). */
  boolean invalid() {
    return ageError != null;
  }

  String render() {
    String q = one("q");
    boolean anyStatus = "any".equals(one("status"));
    String near = one("near");
    int within = within();
    boolean searching = q != null || near != null || FILTERS.stream().anyMatch(d -> !all(d.apiName()).isEmpty());
    Html h = new Html();
    h.el("h1", q == null ? m.get("search.title") : m.get("search.pageTitle", q));
    h.raw("<form method=\"get\" action=\"/search\" role=\"search\">");
    h.raw("<div class=\"searchbar\"><div class=\"q\"><label for=\"q\">").text(m.get("search.label"))
        .raw("</label><input type=\"search\" id=\"q\" name=\"q\" value=\"").text(q == null ? "" : q)
        .raw("\" placeholder=\"").text(m.get("search.placeholder")).raw("\" autocomplete=\"off\"></div>")
        .raw("<div><label for=\"near\">").text(m.get("search.near")).raw("</label><input type=\"text\" id=\"near\" ")
        .raw("name=\"near\" size=\"14\" value=\"").text(near == null ? "" : near).raw("\"></div>")
        .raw("<div><label for=\"within\">").text(m.get("search.within")).raw("</label><select id=\"within\" ")
        .raw("name=\"within\">");
    for (int d : DISTANCES) {
      h.raw("<option value=\"" + d + "\"" + (d == within ? " selected" : "") + ">").text(m.get("search.withinKm", d))
          .raw("</option>");
    }
    String age = one("age");
    ageError = ageProblem(age);
    h.raw("</select></div><div><label for=\"age\">").text(m.get("search.age")).raw("</label><input type=\"text\" ")
        .raw("id=\"age\" name=\"age\" size=\"5\" inputmode=\"numeric\" value=\"").text(age == null ? "" : age)
        .raw(ageError == null ? "\">" : "\" aria-invalid=\"true\" aria-describedby=\"age-error\">");
    if (ageError != null) h.raw("<p class=\"error\" id=\"age-error\">").text(ageError).raw("</p>");
    h.raw("</div>");
    h.raw("<div><button type=\"submit\">").text(m.get("search.button")).raw("</button></div></div>");
    if (ageError != null) {
      // what was typed stays in the form, to be corrected; no results for a search that could not be read
      h.raw("<p class=\"error\" role=\"alert\">").text(m.get("search.notRun")).raw(" <a href=\"#age\">")
          .text(m.get("search.age")).raw("</a></p>");
      return h.raw("</form>").toString();
    }
    if (!searching) {
      h.raw("<p>").text(m.get("search.intro")).raw("</p>");
    }
    SearchPage page = null;
    long closedToo = 0;
    pageToken = one("page");
    TrialQuery query = query(q, anyStatus, near, within);
    boolean pageDropped = false;
    try {
      page = run(query);
    } catch (ApiProblem e) {
      if (pageToken == null) throw e;
      // a "next page" link from another search or an older index (a bookmark, a changed filter): the first page
      pageToken = null;
      pageDropped = true;
      page = run(query(q, anyStatus, near, within));
    }
    if (!anyStatus) {
      SearchPage everything = run(TrialQuery.builder().text(q).filters(filters(true)).geo(geo(near, within))
          .pageSize(1).facetLimit(0).asOf(LocalDate.now()).build());
      closedToo = everything.total() - page.total();
    }
    // The results come first in the page and the filters after them (beside them, on the left, on a wide screen): on
    // a phone the filters stacked above the results pushed the count and the first trial two screens down.
    Html filters = new Html();
    filters.raw("<aside id=\"filters\"><h2 class=\"visually-hidden\">").text(m.get("search.filters")).raw("</h2>");
    filters.raw("<fieldset><legend>").text(m.get("search.status")).raw("</legend><div class=\"facet\">");
    radio(filters, "status", "open", !anyStatus, m.get("search.status.open"));
    radio(filters, "status", "any", anyStatus, m.get("search.status.any"));
    filters.raw("</div></fieldset>");
    for (FacetDimension d : FILTERS) facet(filters, d, page);
    filters.raw("<button type=\"submit\" class=\"secondary\">").text(m.get("search.applyFilters"))
        .raw("</button> <a href=\"/search").raw(q == null ? "" : "?q=" + Html.url(q)).raw("\">")
        .text(m.get("search.clearFilters")).raw("</a></aside>");
    h.raw("<div class=\"layout\"><section aria-labelledby=\"results-heading\">");
    h.raw("<h2 id=\"results-heading\" class=\"visually-hidden\">").text(m.get("search.results", page.total()))
        .raw("</h2><p role=\"status\"><strong>").text(m.get("search.results", page.total())).raw("</strong>");
    if (page.offset() > 0) {
      h.raw(" ").text(m.get("search.range", page.firstRank(), page.offset() + page.hits().size()));
    }
    // on a narrow screen, where the filters are below the results: a way to them
    h.raw(" <a class=\"to-filters\" href=\"#filters\">").text(m.get("search.toFilters")).raw("</a>");
    h.raw("</p>");
    if (pageDropped) h.raw("<p class=\"notice warn\">").text(m.get("search.pageDropped")).raw("</p>");
    if (q != null && pageToken == null) {
      lookup.registry().search().didYouMean(q).ifPresent(better -> h.raw("<p class=\"notice\">")
          .text(m.get("search.didYouMean")).raw(" <a href=\"").raw(link(Map.of("q", List.of(better)), true))
          .raw("\">").text(better).raw("</a>?</p>"));
    }
    if (closedToo > 0) {
      h.raw("<p class=\"notice\">").text(m.get("search.closedAlso", closedToo)).raw(" <a href=\"")
          .raw(link(Map.of("status", List.of("any")), true)).raw("\">").text(m.get("search.showClosed"))
          .raw("</a></p>");
    }
    // With a place and words that find nothing: which of the two found nothing. The words alone (open or not,
    // anywhere) finding nothing is told as without a place (a larger distance would not help); words that find trials
    // elsewhere are counted, with a larger distance and the words everywhere as the next steps.
    // Filters that find nothing anywhere are told as such, not as the words' fault nor the distance's.
    boolean wordsFindNothing = q != null && page.total() == 0 && closedToo == 0;
    boolean filtered = FILTERS.stream().anyMatch(d -> !all(d.apiName()).isEmpty()) || age != null;
    if (page.total() == 0 && near != null) {
      if (!(geo(near, within).place() instanceof GeoFilter.Coordinates)
          && !lookup.registry().search().knowsPlace(near)) {
        h.raw("<p class=\"notice warn\">").text(m.get("search.unknownCity", near));
        // a country typed as the place: the Country filter takes it
        if (run(TrialQuery.builder().filters(TrialFilters.NONE.withCountries(java.util.Set.of(near))).pageSize(1)
            .facetLimit(0).asOf(LocalDate.now()).build()).total() > 0) {
          h.raw(" <a href=\"").raw(link(Map.of("country", List.of(near), "near", List.of(), "within", List.of()), true))
              .raw("\">").text(m.get("search.inCountry", near)).raw("</a>");
        }
        h.raw("</p>");
        wordsFindNothing = false;
      } else if (q == null && filtered && closedToo == 0 && countWithoutPlace(null, true) == 0) {
        // no words, and the filters find no trial anywhere, open or not: a larger distance would not help
        h.raw("<p class=\"notice warn\">").text(m.get("search.filtersNotPlace", near)).raw(" <a href=\"/search?")
            .raw("near=").raw(Html.url(near)).raw("&amp;within=").raw(Integer.toString(within)).raw("\">")
            .text(m.get("search.clearFilters")).raw("</a></p>");
      } else {
        long elsewhere = q == null || closedToo > 0 ? 0 : countWithoutPlace(q, anyStatus);
        if (wordsFindNothing && (elsewhere > 0 || countWithoutPlace(q, true) > 0)) wordsFindNothing = false;
        if (!wordsFindNothing) {
          // a city with sites but none near enough among the trials found is not an unknown city
          h.raw("<p class=\"notice warn\">").text(elsewhere > 0 ? m.get("search.nothingNearWords", near, within,
              elsewhere) : m.get("search.nothingNear", near, within));
          // the smallest larger distance that finds a trial: the next one up may find nothing again (Beijing to
          // Nagoya is 2,100 km: "Search within 25 km" led to a page as empty as this one)
          int wider = widerThatFinds(q, anyStatus, near, within);
          if (wider > 0) {
            h.raw(" <a href=\"").raw(link(Map.of("within", List.of(Integer.toString(wider))), true)).raw("\">")
                .text(m.get("search.widen", wider)).raw("</a>");
          }
          if (q != null) {
            h.raw(" <a href=\"").raw(link(Map.of("near", List.of(), "within", List.of()), true)).raw("\">")
                .text(m.get("search.everywhere")).raw("</a>");
          }
          h.raw("</p>");
        }
      }
    }
    if (wordsFindNothing) {
      // nothing at all, open or closed: what to try next (as 'eligo search' says), with the words kept
      if (near != null) {
        // the words may find trials that the filters then leave out: then it is the filters, not the words
        boolean wordsFindSome = filtered && run(TrialQuery.builder().text(q).pageSize(1).facetLimit(0)
            .asOf(LocalDate.now()).build()).total() > 0;
        h.raw("<p class=\"notice warn\">").text(m.get(wordsFindSome ? "search.filtersNotWordsNotPlace"
            : "search.wordsNotPlace", near)).raw("</p>");
      }
      h.raw("<p class=\"notice\">").text(m.get(filtered ? "search.nothingFiltered" : "search.nothing"));
      if (filtered) {
        h.raw(" <a href=\"/search?q=").raw(Html.url(q)).raw("&amp;status=any\">").text(m.get("search.withoutFilters"))
            .raw("</a>");
      }
      h.raw("</p>");
    }
    // A later page numbers its trials on from the last one shown, as a printed list would.
    h.raw(page.offset() == 0 ? "<ol class=\"cards\">" : "<ol class=\"cards\" start=\"" + page.firstRank() + "\">");
    for (TrialHit hit : page.hits()) card(h, hit);
    h.raw("</ol>");
    Optional<String> next = page.nextPageToken();
    if (next.isPresent() || pageToken != null) {
      h.raw("<nav aria-label=\"").text(m.get("search.next")).raw("\"><p class=\"actions\">");
      if (pageToken != null) h.raw("<a href=\"").raw(link(Map.of(), true)).raw("\">").text(m.get("search.first"))
          .raw("</a>");
      next.ifPresent(t -> h.raw("<a href=\"").raw(link(Map.of("page", List.of(t)), true)).raw("\">")
          .text(m.get("search.next")).raw("</a>"));
      h.raw("</p></nav>");
    }
    h.raw("</section>").raw(filters.toString()).raw("</div></form>");
    return h.toString();
  }

  /** The smallest of {@link #DISTANCES} beyond {@code within} at which the search finds a trial; 0 when none does. */
  private int widerThatFinds(String q, boolean anyStatus, String near, int within) {
    for (int d : DISTANCES) {
      if (d > within && run(TrialQuery.builder().text(q).filters(filters(anyStatus)).geo(geo(near, d)).pageSize(1)
          .facetLimit(0).asOf(LocalDate.now()).build()).total() > 0) {
        return d;
      }
    }
    return 0;
  }

  /** How many trials the words and filters find without the place (open ones, or any status). */
  private long countWithoutPlace(String q, boolean anyStatus) {
    return run(TrialQuery.builder().text(q).filters(filters(anyStatus)).pageSize(1).facetLimit(0)
        .asOf(LocalDate.now()).build()).total();
  }

  private SearchPage run(TrialQuery query) {
    try {
      return lookup.registry().search().search(query);
    } catch (IllegalArgumentException e) {
      throw new ApiProblem(ProblemType.INVALID_PARAMETER, e.getMessage());
    }
  }

  private TrialQuery query(String q, boolean anyStatus, String near, int within) {
    GeoFilter geo = geo(near, within);
    return TrialQuery.builder().text(q).filters(filters(anyStatus)).geo(geo)
        .sort(geo != null && q == null ? SortOrder.DISTANCE : SortOrder.RELEVANCE).pageSize(10)
        .pageToken(pageToken).asOf(LocalDate.now()).facetLimit(12).build();
  }

  private TrialFilters filters(boolean anyStatus) {
    TrialFilters f = TrialFilters.NONE;
    if (!anyStatus) {
      List<String> chosen = all("status").stream().filter(s -> !s.equals("open")).toList();
      f = chosen.isEmpty() ? f.withOverallStatus(SearchFilters.OPEN)
          : SearchFilters.with(f, FacetDimension.OVERALL_STATUS, chosen, "status");
    }
    for (FacetDimension d : FILTERS) f = SearchFilters.with(f, d, all(d.apiName()), d.apiName());
    // trials open to a person of this age (45, or 18m for a baby of 18 months)
    return SearchFilters.withAge(f, one("age"), "age");
  }

  /** Why an age typed in the form cannot be read, in the page's words; null when it can or when none was typed. */
  private String ageProblem(String age) {
    if (age == null) return null;
    try {
      org.eligo.search.PersonAge.parse(age);
      return null;
    } catch (IllegalArgumentException e) {
      return m.get("search.ageError", age);
    }
  }

  /** Latitude and longitude in degrees, as 'eligo search --near' and the API's filter.geo take them. */
  private static final java.util.regex.Pattern LAT_LON =
      java.util.regex.Pattern.compile("\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*,\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*");

  /**
   * The place typed in the Near field: latitude,longitude (39.9,116.4) when it is two numbers within range, as the
   * command line and the API read it; else a city, with its state or country if given.
   */
  private static GeoFilter geo(String near, int within) {
    if (near == null) return null;
    java.util.regex.Matcher ll = LAT_LON.matcher(near);
    if (ll.matches()) {
      double lat = Double.parseDouble(ll.group(1));
      double lon = Double.parseDouble(ll.group(2));
      if (lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180) return GeoFilter.near(lat, lon, within);
    }
    return GeoFilter.nearCity(near, within);
  }

  private int within() {
    String w = one("within");
    if (w == null) return 100;
    for (int d : DISTANCES) if (Integer.toString(d).equals(w)) return d;
    throw new org.eligo.server.http.ApiProblem(org.eligo.server.http.ProblemType.INVALID_PARAMETER, "The distance "
        + "must be one of " + java.util.Arrays.toString(DISTANCES) + " km, not '" + w + "'.");
  }

  private void radio(Html h, String name, String value, boolean checked, String label) {
    String id = name + "-" + value;
    h.raw("<label for=\"" + id + "\"><input type=\"radio\" id=\"" + id + "\" name=\"" + name + "\" value=\"" + value
        + "\"" + (checked ? " checked" : "") + ">").text(label).raw("</label>");
  }

  private void facet(Html h, FacetDimension d, SearchPage page) {
    List<SearchPage.FacetCount> counts = page.facet(d);
    List<String> chosen = all(d.apiName());
    if (counts.isEmpty() && chosen.isEmpty()) return;
    h.raw("<fieldset><legend>").text(m.get("facet." + d.apiName())).raw("</legend><div class=\"facet\">");
    int i = 0;
    List<String> shown = new ArrayList<>();
    for (SearchPage.FacetCount c : counts) {
      String id = "f-" + d.apiName() + "-" + i++;
      shown.add(c.value());
      h.raw("<label for=\"" + id + "\"><input type=\"checkbox\" id=\"" + id + "\" name=\"").raw(d.apiName())
          .raw("\" value=\"").text(c.value()).raw("\"").raw(chosen.contains(c.value()) ? " checked" : "").raw("><span>")
          .text(TrialText.facetValue(d.apiName(), c.value())).raw(" <span class=\"count\">(")
          .text(Long.toString(c.count())).raw(")</span></span></label>");
    }
    for (String c : chosen) {
      if (shown.contains(c)) continue;
      String id = "f-" + d.apiName() + "-" + i++;
      h.raw("<label for=\"" + id + "\"><input type=\"checkbox\" id=\"" + id + "\" name=\"").raw(d.apiName())
          .raw("\" value=\"").text(c).raw("\" checked><span>").text(TrialText.facetValue(d.apiName(), c))
          .raw("</span></label>");
    }
    h.raw("</div></fieldset>");
  }

  private void card(Html h, TrialHit hit) {
    Optional<Trial> trial = lookup.registry().trial(hit.nctId());
    h.raw("<li class=\"card\"><h2><a href=\"/trials/").text(hit.nctId()).raw("\">").text(hit.title()).raw("</a></h2>");
    h.raw("<p>").raw(TrialText.badge(m, hit.overallStatus())).raw(" <span class=\"count\">").text(hit.nctId())
        .raw("</span></p>");
    if (hit.staleStatus()) h.raw("<p class=\"notice warn\">").text(m.get("search.staleStatus", hit.statusVerified()))
        .raw("</p>");
    h.raw("<dl class=\"meta\">");
    trial.ifPresent(t -> {
      String phases = TrialText.phases(t);
      if (!phases.isEmpty()) meta(h, m.get("card.phase"), phases);
      if (t.conditions() != null && !t.conditions().conditions().isEmpty()) {
        meta(h, m.get("card.conditions"), TrialText.join(t.conditions().conditions()));
      }
      meta(h, m.get("card.ages"), TrialText.ages(m, t.eligibility()));
    });
    String site = hit.nearestRecruitingSite().map(s -> {
      String where = String.join(", ", java.util.stream.Stream.of(s.facility(), s.city(), s.country())
          .filter(x -> x != null && !x.isBlank()).toList());
      return s.distanceKm().isPresent() ? where + " – " + m.get("card.distance", s.distanceKm().getAsDouble()) : where;
    }).orElse(m.get("card.noSite"));
    meta(h, m.get("card.nearest"), site);
    h.raw("</dl>");
    trial.map(TrialText::oneLine).filter(s -> !s.isEmpty()).ifPresent(s -> h.raw("<p class=\"snippet\">").text(s)
        .raw("</p>"));
    h.raw("</li>");
  }

  private static void meta(Html h, String term, String value) {
    h.raw("<div><dt>").text(term).raw(":</dt><dd>").text(value).raw("</dd></div>");
  }

  /** The current search's URL with some parameters replaced; {@code dropPage} starts again at page one. */
  private String link(Map<String, List<String>> replace, boolean dropPage) {
    Map<String, List<String>> p = new LinkedHashMap<>(params);
    if (dropPage) p.remove("page");
    p.putAll(replace);
    StringBuilder b = new StringBuilder("/search");
    char sep = '?';
    for (var e : p.entrySet()) {
      for (String v : e.getValue()) {
        b.append(sep).append(Html.url(e.getKey())).append('=').append(Html.url(v));
        sep = '&';
      }
    }
    return Html.escape(b.toString());
  }

  static boolean isOpen(RecruitmentStatus s) {
    return s != null && s.isOpenToEnrolment();
  }
}

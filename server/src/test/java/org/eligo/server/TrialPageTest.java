package org.eligo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The web page of a trial shows what the seed pages show. */
class TrialPageTest {

  @Test
  void eachArmListsWhatItReceivesWithTheDosingText() {
    HttpResponse<String> r = TestServers.get("/trials/NCT06802055");
    assertThat(r.statusCode()).isEqualTo(200);
    String body = r.body();
    String table = body.substring(body.indexOf("<table", body.indexOf("id=\"arms\"")), body.indexOf("</table>",
        body.indexOf("id=\"arms\"")));
    String placeboRow = table.substring(table.indexOf("Placebo"));
    assertThat(table).contains("Cyclosporine A 25-150 mg orally every 12 hours");
    assertThat(placeboRow).contains("Sirolimus 1-3 mg once daily orally").doesNotContain("Cyclosporine A 25-150");
  }

  @Test
  void registryTextReadsWithoutItsMarkdownEscapes() {
    String page = TestServers.get("/trials/NCT06802055").body();
    // the registry writes "hemoglobin \\< 100 g/L"; a person reads "hemoglobin < 100 g/L"
    assertThat(page).contains("hemoglobin &lt; 100 g/L").doesNotContain("\\&lt;").doesNotContain("\\<");
  }

  @Test
  void aCheckWithNothingLeftToAskHereListsWhatTheStudyTeamWillAskForEveryOpenCriterion() {
    // this record leaves NCT06802055's cyclosporine criterion (an any-of of two questions) open
    HttpResponse<String> r = PatientPrivacyTest.upload("/trials/NCT06802055/check/fhir",
        TestServers.resource("/patients/aplastic-anemia-on-cyclosporine.json"));
    assertThat(r.statusCode()).isEqualTo(200);
    String body = r.body();
    assertThat(body).contains("The study team will ask");
    String team = body.substring(body.indexOf("The study team will ask"));
    assertThat(team.substring(0, team.indexOf("</ul>"))).containsIgnoringCase("cyclosporine");
  }

  @Test
  void theWebSearchFiltersByAgeAndRefusesADistanceItDoesNotOffer() {
    assertThat(TestServers.get("/search?q=sirolimus&status=any").body()).contains("NCT06802055");
    HttpResponse<String> child = TestServers.get("/search?q=sirolimus&status=any&age=10");
    assertThat(child.statusCode()).isEqualTo(200);
    assertThat(child.body()).as("an adults-only trial is not shown for a 10-year-old").doesNotContain("NCT06802055")
        .contains("name=\"age\" size=\"5\" inputmode=\"numeric\" value=\"10\"");
    assertThat(TestServers.get("/search?near=Beijing&within=abc").statusCode()).isEqualTo(400);
  }

  @Test
  void theNextPageOfASearchNumbersItsTrialsOnFromTheFirstPage() {
    String first = TestServers.get("/search?status=any").body();
    assertThat(first).contains("<ol class=\"cards\">").doesNotContain("(showing");
    java.util.regex.Matcher next = java.util.regex.Pattern.compile("<a href=\"(/search\\?[^\"]*page=[^\"]+)\">Next page")
        .matcher(first);
    assertThat(next.find()).as("the bundled registry has more than one page of trials").isTrue();
    HttpResponse<String> second = TestServers.get(next.group(1).replace("&amp;", "&"));
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(second.body()).contains("<ol class=\"cards\" start=\"11\">").contains("(showing 11–");
  }

  @Test
  void aPageLinkThatDoesNotFitTheSearchShowsItsFirstPageInsteadOfAnError() {
    String first = TestServers.get("/search?status=any").body();
    java.util.regex.Matcher next = java.util.regex.Pattern.compile("page=([^\"&]+)").matcher(first);
    assertThat(next.find()).isTrue();
    // the next-page link of a search by relevance, kept while the search changed to one sorted by distance
    for (String stale : List.of("zzz", next.group(1))) {
      HttpResponse<String> r = TestServers.get("/search?near=Beijing&status=any&page=" + stale);
      assertThat(r.statusCode()).as(stale).isEqualTo(200);
      assertThat(r.body()).contains("That page link does not fit this search").contains("<ol class=\"cards\">")
          .contains("NCT06802055").doesNotContain("First page");
    }
  }

  @Test
  void searchingForAnNctNumberOpensThatTrialEvenWhenItIsClosed() {
    HttpResponse<String> found = TestServers.get("/search?q=+nct03364764+");
    assertThat(found.statusCode()).isEqualTo(303);
    assertThat(found.headers().firstValue("Location")).hasValue("/trials/NCT03364764");
    HttpResponse<String> unknown = TestServers.get("/search?q=NCT00000001");
    assertThat(unknown.statusCode()).isEqualTo(200);
    assertThat(unknown.body()).contains("No trials found");
  }

  @Test
  void factsReadCleanlyAndAClosedTrialTakesNoInterest() {
    String page = TestServers.get("/trials/NCT03364764").body();
    assertThat(page).contains("et al.").doesNotContain("et al..").doesNotContain("participants ()")
        .contains("not taking new participants").doesNotContain("/trials/NCT03364764/interest\"");
    HttpResponse<String> interest = TestServers.get("/trials/NCT03364764/interest");
    assertThat(interest.statusCode()).isEqualTo(409);
    assertThat(interest.body()).as("a heading, the trial by its title, and a way on to open trials")
        .contains("<h1>").contains(">Sirolimus Treatment for Refractory PRCA</a>")
        .contains("<a href=\"/search\">").doesNotContain(">/trials/NCT03364764<").doesNotContain("below");
  }

  @Test
  void anAgeTheSearchCannotReadComesBackInTheFormWithWhatWasTyped() {
    HttpResponse<String> r = TestServers.get("/search?q=sirolimus&near=Beijing&age=ten");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).as("the search form keeps the query, the place and the age, with the error beside the age")
        .contains("name=\"q\" value=\"sirolimus\"").contains("name=\"near\" size=\"14\" value=\"Beijing\"")
        .contains("value=\"ten\" aria-invalid=\"true\" aria-describedby=\"age-error\"")
        .contains("id=\"age-error\">Write the age as a number of years").contains("No search was run");
  }

  @Test
  void pagesHaveAnIconAndTheAddressBrowsersAskForFindsIt() {
    assertThat(TestServers.get("/").body()).contains("<link rel=\"icon\" href=\"/assets/eligo.svg\"");
    var icon = TestServers.get("/assets/eligo.svg");
    assertThat(icon.statusCode()).isEqualTo(200);
    assertThat(icon.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
    assertThat(icon.body()).startsWith("<svg").contains("<title>Eligo</title>");
    var ico = TestServers.get("/favicon.ico");
    assertThat(ico.statusCode()).isEqualTo(301);
    assertThat(ico.headers().firstValue("Location")).contains("/assets/eligo.svg");
  }

  @Test
  void aMisspeltSearchOffersTheWordsTheRegistryHasKeepingTheFilters() {
    String page = TestServers.get("/search?q=sirolimsu+aplastik+anemia&status=any").body();
    assertThat(page).contains("Did you mean <a href=\"/search?q=sirolimus+aplastic+anemia&amp;status=any\">"
        + "sirolimus aplastic anemia</a>?");
    assertThat(TestServers.get("/search?q=sirolimus+aplastic+anemia").body()).doesNotContain("Did you mean");
  }

  @Test
  void aCheckNarrowedToNoOpenTrialSaysSoAndHowToGoOn() {
    String none = TestServers.get("/check?q=aplastik").body();
    assertThat(none).contains("No trial open to enrolment is about “aplastik”.")
        .contains("Did you mean <a href=\"/check?q=aplastic\">aplastic</a>?")
        .contains("<a href=\"/check\">Check against every open trial</a>");
    assertThat(TestServers.get("/check?q=aplastic").body()).doesNotContain("No trial open to enrolment is about");
  }

  @Test
  void aKnownCityWithoutMatchingTrialsNearbyIsNotCalledUnknown() {
    // Beijing has sites, but no trial open to enrolment for PRCA is there
    String known = TestServers.get("/search?q=PRCA&near=Beijing&within=10").body();
    assertThat(known).doesNotContain("does not know a trial site").contains("None of the trials found has a site "
        + "within 10 km of “Beijing”");
    assertThat(TestServers.get("/search?q=PRCA&near=Atlantisville").body())
        .contains("Eligo does not know a trial site in “Atlantisville”");
  }

  @Test
  void aSearchWithAPlaceThatFindsNothingSaysWhetherTheWordsOrThePlaceFoundNothing() {
    // words that find nothing anywhere: a larger distance would not help, so the page says to change the words
    for (String words : List.of("zqxv", "aspirin+for+gout", "NCT09999999")) {
      String body = TestServers.get("/search?q=" + words + "&near=Beijing&within=50").body();
      assertThat(body).as(words).contains("The words found nothing, near “Beijing” or anywhere else: a larger "
          + "distance will not help.").contains("Try fewer words or another spelling")
          .doesNotContain("has a site within");
    }
    // words that find open trials elsewhere (Revolade in Japan, iptacopan in Italy): the place found nothing, with a
    // larger distance and the words everywhere as links
    for (String words : List.of("Revolade", "iptacopan", "Revolade+survey")) {
      String body = TestServers.get("/search?q=" + words + "&near=Beijing&within=10").body();
      // no distance on offer finds them (Nagoya's site has no coordinates; Italy's trial no site): the link to 25 km
      // led to a page as empty as this one
      assertThat(body).as(words).contains("1 trial matches these words elsewhere, but none has a site within 10 km of "
          + "“Beijing”: the place, not the words, found nothing.")
          .doesNotContain("Search within")
          .contains("<a href=\"/search?q=" + words + "\">Search these words everywhere</a>")
          .doesNotContain("Try fewer words");
    }
    // at the largest distance there is none larger to offer
    assertThat(TestServers.get("/search?q=iptacopan&near=Beijing&within=1000").body())
        .contains("Search these words everywhere").doesNotContain("Search within");
  }

  @Test
  void aSearchWithAPlaceWhoseFiltersFindNothingAnywhereBlamesTheFiltersNotTheWordsNorTheDistance() {
    // the words find trials, the filters leave none anywhere: it said "The words found nothing"
    for (String path : List.of("/search?q=aplastic&phase=NA&near=Beijing",
        "/search?q=sirolimus&studyType=EXPANDED_ACCESS&near=Beijing%2C+China",
        "/search?q=eltrombopag&phase=NA&near=Nagoya&within=500")) {
      String body = TestServers.get(path).body();
      assertThat(body).as(path).contains("The words find trials, but none with these filters, near “")
          .contains("or anywhere else: a larger distance will not help.").doesNotContain("The words found nothing")
          .contains("Search these words without filters");
    }
    // no words: filters that find nothing anywhere get no "Search within 250 km" (it found nothing there either)
    for (String path : List.of("/search?phase=NA&near=Beijing", "/search?studyType=EXPANDED_ACCESS&near=Nagoya")) {
      String body = TestServers.get(path).body();
      assertThat(body).as(path).contains("No trial in the registry matches these filters, open or not, near “")
          .doesNotContain("Search within").doesNotContain("None of the trials found has a site");
    }
    // words that find nothing at all are still the words' fault
    assertThat(TestServers.get("/search?q=zqxv&phase=NA&near=Beijing").body())
        .contains("The words found nothing, near “Beijing” or anywhere else");
  }

  @Test
  void theNearFieldTakesLatitudeAndLongitudeAsTheCommandLineAndTheApiDo() {
    // "39.9,116.4" was "Eligo does not know a trial site in “39.9,116.4”", where 'eligo search --near 39.9,116.4'
    // and filter.geo=distance(39.9,116.4,50km) find Beijing's trials
    for (String[] place : new String[][] {{"aplastic", "39.9%2C116.4"}, {"sirolimus", "39.9%2C+116.4"},
        {"anemia", "+39.91+,+116.42"}}) {
      String body = TestServers.get("/search?status=any&within=50&q=" + place[0] + "&near=" + place[1]).body();
      assertThat(body).as(place[1]).doesNotContain("does not know a trial site");
      assertThat(cards(body)).as(place[1]).isNotEmpty().isEqualTo(cards(TestServers.get(
          "/search?status=any&within=50&q=" + place[0] + "&near=Beijing").body()));
    }
    // 110 km south of Beijing: nothing within 50 km, and the larger distance offered is one that finds them
    String south = TestServers.get("/search?status=any&q=aplastic&near=38.9%2C116.4&within=50").body();
    assertThat(south).contains("the place, not the words, found nothing")
        .contains("within=250\">Search within 250 km</a>");
    assertThat(cards(TestServers.get("/search?status=any&q=aplastic&near=38.9%2C116.4&within=250").body()))
        .isNotEmpty();
    // numbers out of range are no place
    assertThat(TestServers.get("/search?q=aplastic&near=95%2C116.4").body())
        .contains("Eligo does not know a trial site in “95,116.4”");
  }

  @Test
  void aCountryTypedAsThePlaceLeadsToTheCountryFilter() {
    for (String[] search : new String[][] {{"aplastic", "China"}, {"Revolade", "japan"}, {"sirolimus", "CHINA"}}) {
      String body = TestServers.get("/search?status=any&q=" + search[0] + "&near=" + search[1]).body();
      String link = "/search?status=any&amp;q=" + search[0] + "&amp;country=" + search[1];
      assertThat(body).as(search[1]).contains("Eligo does not know a trial site in “" + search[1] + "”")
          .contains("<a href=\"" + link + "\">Search trials with a site in " + search[1] + "</a>");
      assertThat(cards(TestServers.get(link.replace("&amp;", "&")).body())).as(search[1]).isNotEmpty();
    }
    assertThat(TestServers.get("/search?q=aplastic&near=Atlantis").body()).doesNotContain("Search trials with a site");
  }

  @Test
  void aPlaceIsACityOrTheCityWithItsCountryAndAnUnknownOneSaysWhatTheFieldTakes() {
    for (String[] place : new String[][] {{"aplastic", "Beijing%2C+China", "Beijing"}, {"anemia", "beijing,china",
        "Beijing"}, {"Revolade", "Nagoya%2C+Japan", "Nagoya"}}) {
      String withCountry = TestServers.get("/search?status=any&within=500&q=" + place[0] + "&near=" + place[1]).body();
      String city = TestServers.get("/search?status=any&within=500&q=" + place[0] + "&near=" + place[2]).body();
      assertThat(withCountry).as(place[1]).doesNotContain("does not know a trial site");
      assertThat(cards(withCountry)).as(place[1]).isNotEmpty().isEqualTo(cards(city));
    }
    for (String place : List.of("Beijing%2C+Japan", "Atlantisville", "Boston%2C+MA")) {
      assertThat(TestServers.get("/search?q=aplastic&near=" + place).body()).as(place)
          .contains("Give a city with trial sites (Beijing), the city and its country (Beijing, China), or "
              + "latitude,longitude (39.9,116.4)");
    }
  }

  private static List<String> cards(String page) {
    return java.util.regex.Pattern.compile("/trials/(NCT\\d{8})").matcher(page).results().map(r -> r.group(1))
        .toList();
  }

  @Test
  void aSearchThatFindsNothingAnywhereSaysWhatToTryNext() {
    // it said only "No trials found", where 'eligo search' says what to try next
    for (String words : List.of("zqxv", "aspirin+for+gout", "hemophilia", "NCT09999999")) {
      HttpResponse<String> r = TestServers.get("/search?q=" + words);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).as(words).contains("No trials found")
          .contains("Try fewer words or another spelling: a condition (aplastic anemia), a drug (sirolimus) or an "
              + "NCT number.").doesNotContain("without filters");
    }
    String filtered = TestServers.get("/search?q=sirolimus&phase=PHASE1&status=any").body();
    assertThat(filtered).contains("Try fewer words, another spelling or fewer filters.")
        .contains("<a href=\"/search?q=sirolimus&amp;status=any\">Search these words without filters</a>");
    // trials that match but are closed are offered as before, not called nothing
    assertThat(TestServers.get("/search?q=pure+red+cell+aplasia").body()).contains("not open to enrolment")
        .doesNotContain("Try fewer words");
    assertThat(TestServers.get("/search?q=sirolimus").body()).doesNotContain("Try fewer words");
  }
}

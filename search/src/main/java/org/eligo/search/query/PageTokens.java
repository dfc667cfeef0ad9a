package org.eligo.search.query;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.BytesRef;
import org.eligo.search.SortOrder;
import org.eligo.search.TrialFilters;
import org.eligo.search.TrialQuery;

/**
 * Opaque page tokens: the sort values of a page's last hit (its sort key and NCT ID), for Lucene's search-after, and
 * a fingerprint of the search they belong to, so a token pasted into another search is refused rather than skipping
 * its first results. Paging by values rather than offsets stays stable while trials are added or removed before the
 * cursor. A token also carries how many trials the pages before it showed, only to number the next page's trials on
 * from the last one shown (an older token without it numbers from 1).
 */
public final class PageTokens {

  private static final String VERSION = "p3";
  private static final String VERSION_WITHOUT_OFFSET = "p2";

  private PageTokens() {}

  /**
   * What a search is, paging aside: two searches with the same fingerprint page through the same results. Stable
   * across processes (a token printed by one run of the command line works in the next, and after a server restart):
   * made of names and sorted values only, never of identity hashes or set iteration order.
   */
  public static String fingerprint(TrialQuery q) {
    TrialFilters f = q.filters();
    String canonical = String.join("\u0001", String.valueOf(q.text()), String.valueOf(q.condition()),
        String.valueOf(q.intervention()), String.valueOf(q.term()), String.valueOf(q.locationText()),
        sorted(f.overallStatus()), sorted(f.phases()), sorted(f.studyTypes()), sorted(f.conditions()),
        sorted(f.interventions()), sorted(f.sponsorClasses()), sorted(f.countries()), sorted(f.sexes()),
        String.valueOf(f.healthyVolunteers()), String.valueOf(f.ageOpenTo()), String.valueOf(f.startFrom()),
        String.valueOf(f.startTo()), String.valueOf(q.geo()), q.sort().name());
    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
    crc.update(canonical.getBytes(StandardCharsets.UTF_8));
    return Long.toHexString(crc.getValue());
  }

  private static String sorted(java.util.Collection<?> values) {
    return values.stream().map(String::valueOf).sorted().collect(java.util.stream.Collectors.joining(","));
  }

  /**
   * The token that continues after {@code last}, a hit of {@code query}, once {@code shown} trials have been shown
   * (this page's included).
   */
  public static String encode(TrialQuery query, ScoreDoc last, long shown) {
    SortOrder sort = query.sort();
    Object[] fields = ((FieldDoc) last).fields;
    String key = switch (sort) {
      case RELEVANCE -> Integer.toHexString(Float.floatToIntBits((Float) fields[0]));
      case DISTANCE -> Long.toHexString(Double.doubleToLongBits((Double) fields[0]));
      case LAST_UPDATE -> Long.toString((Long) fields[0]);
    };
    String nctId = ((BytesRef) fields[1]).utf8ToString();
    String plain = String.join("|", VERSION, sort.name(), key, nctId, fingerprint(query), Long.toString(shown));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Where a page starts: Lucene's search-after position ({@code after}, null on the first page) and how many trials
   * the earlier pages showed.
   */
  public record Position(FieldDoc after, long shown) {
    static final Position FIRST = new Position(null, 0);
  }

  /**
   * The position in a token; the first page for a null or blank token.
   *
   * @throws IllegalArgumentException for a token that is malformed or was made for another search or sort order
   */
  public static Position decode(TrialQuery query) {
    String token = query.pageToken();
    SortOrder sort = query.sort();
    if (token == null || token.isBlank()) return Position.FIRST;
    String[] parts;
    try {
      parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", -1);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a page token: '" + token + "'", e);
    }
    boolean withOffset = parts.length == 6 && VERSION.equals(parts[0]);
    if (!withOffset && !(parts.length == 5 && VERSION_WITHOUT_OFFSET.equals(parts[0]))) {
      throw new IllegalArgumentException("not a page token: '" + token + "'");
    }
    if (!sort.name().equals(parts[1])) {
      throw new IllegalArgumentException("page token was made for sort " + parts[1] + ", not " + sort);
    }
    if (!fingerprint(query).equals(parts[4])) {
      throw new IllegalArgumentException("the page token belongs to another search: repeat that search's words and "
          + "filters, or leave the token out to start at the first page");
    }
    try {
      Object key = switch (sort) {
        case RELEVANCE -> Float.intBitsToFloat(Integer.parseUnsignedInt(parts[2], 16));
        case DISTANCE -> Double.longBitsToDouble(Long.parseUnsignedLong(parts[2], 16));
        case LAST_UPDATE -> Long.parseLong(parts[2]);
      };
      long shown = withOffset ? Long.parseLong(parts[5]) : 0;
      if (shown < 0) throw new IllegalArgumentException("not a page token: '" + token + "'");
      return new Position(new FieldDoc(Integer.MAX_VALUE, Float.NaN, new Object[] {key, new BytesRef(parts[3])}),
          shown);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a page token: '" + token + "'", e);
    }
  }
}

package org.eligo.server.web;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eligo.core.rule.CriteriaSet;
import org.eligo.core.rule.Criterion;
import org.eligo.core.rule.CriterionType;
import org.eligo.core.rule.RuleDescriber;
import org.eligo.core.rule.Unparsed;
import org.eligo.core.trial.ArmsInterventions;
import org.eligo.core.trial.ContactsLocations;
import org.eligo.core.trial.Design;
import org.eligo.core.trial.Identification;
import org.eligo.core.trial.Outcomes;
import org.eligo.core.trial.StatusInfo;
import org.eligo.core.trial.Trial;
import org.eligo.search.RelatedTrial;
import org.eligo.server.api.EvidenceSummary;
import org.eligo.server.api.TrialLookup;

/**
 * The trial page: every section of the registry record (titles, identifiers, status and dates, sponsor, summary and
 * description, conditions, design, arms and interventions, outcomes, eligibility, locations and contacts, other
 * information), the criteria each marked with Eligo's reading, published results with a chart, and related trials.
 */
final class TrialView {
  private final TrialLookup lookup;
  private final Messages m;

  TrialView(TrialLookup lookup, Messages m) {
    this.lookup = lookup;
    this.m = m;
  }

  String render(Trial t) {
    Html h = new Html();
    Identification id = t.identification();
    h.el("h1", t.title());
    h.raw("<p>").raw(TrialText.badge(m, t.overallStatus())).raw(" <span class=\"count\">").text(t.nctId())
        .raw("</span></p>");
    if (id.officialTitle() != null && !id.officialTitle().equals(t.title())) {
      h.raw("<p><strong>").text(m.get("trial.officialTitle")).raw(":</strong> ").text(id.officialTitle()).raw("</p>");
    }
    boolean closed = TrialText.closedToNewPeople(t);
    if (closed) {
      h.raw("<p class=\"notice warn\">").text(m.get("trial.notEnrolling", TrialText.status(m, t.overallStatus())))
          .raw("</p>");
    }
    h.raw("<div class=\"actions\" role=\"group\" aria-label=\"").text(m.get("trial.actions")).raw("\">")
        .raw("<a class=\"button\" href=\"/trials/").text(t.nctId()).raw("/check\">").text(m.get("trial.check"))
        .raw("</a>");
    if (!closed) {
      h.raw("<a class=\"button secondary\" href=\"/trials/").text(t.nctId()).raw("/interest\">")
          .text(m.get("trial.interest")).raw("</a>");
    }
    h.raw("<a href=\"https://clinicaltrials.gov/study/").text(t.nctId())
        .raw("\">").text(m.get("trial.registryLink")).raw("</a></div>");
    keyFacts(h, t);
    summary(h, t);
    conditions(h, t);
    design(h, t);
    arms(h, t);
    outcomes(h, t);
    eligibility(h, t);
    locations(h, t);
    results(h, t);
    related(h, t);
    identifiers(h, t);
    more(h, t);
    return h.toString();
  }

  private void section(Html h, String id, String title) {
    h.raw("<section aria-labelledby=\"").raw(id).raw("\"><h2 id=\"").raw(id).raw("\">").text(title).raw("</h2>");
  }

  private static void fact(Html h, String term, String value) {
    if (value == null || value.isBlank()) return;
    h.raw("<dt>").text(term).raw("</dt><dd>").text(value).raw("</dd>");
  }

  private String yesNo(Boolean b) {
    return b == null ? null : m.get(b ? "trial.yes" : "trial.no");
  }

  private void keyFacts(Html h, Trial t) {
    section(h, "facts", m.get("trial.keyFacts"));
    h.raw("<div class=\"two\"><dl class=\"facts\">");
    fact(h, m.get("trial.status"), TrialText.status(m, t.overallStatus()));
    fact(h, m.get("trial.phase"), TrialText.phases(t));
    if (t.design() != null) {
      fact(h, m.get("trial.studyType"), TrialText.words(t.design().studyType()));
      Design.EnrollmentInfo e = t.design().enrollmentInfo();
      if (e != null && e.count() != null) {
        fact(h, m.get("trial.enrollment"), enrollment(e));
      }
    }
    if (t.sponsors() != null && t.sponsors().leadSponsor() != null) {
      fact(h, m.get("trial.sponsor"), t.sponsors().leadSponsor().name());
    }
    h.raw("</dl><dl class=\"facts\">");
    fact(h, m.get("trial.ages"), TrialText.ages(m, t.eligibility()));
    if (t.eligibility() != null) {
      fact(h, m.get("trial.sex"), TrialText.words(t.eligibility().sex()));
      fact(h, m.get("trial.healthyVolunteers"), yesNo(t.eligibility().healthyVolunteers()));
    }
    StatusInfo s = t.status();
    if (s != null) {
      fact(h, m.get("trial.start"), TrialText.date(m, s.startDateStruct()));
      fact(h, m.get("trial.primaryCompletion"), TrialText.date(m, s.primaryCompletionDateStruct()));
      fact(h, m.get("trial.completion"), TrialText.date(m, s.completionDateStruct()));
      fact(h, m.get("trial.firstPosted"), TrialText.date(m, s.studyFirstPostDateStruct()));
      fact(h, m.get("trial.lastUpdate"), TrialText.date(m, s.lastUpdatePostDateStruct()));
      fact(h, m.get("trial.verified"), s.statusVerifiedDate() == null ? null : s.statusVerifiedDate().text());
      fact(h, m.get("trial.whyStopped"), s.whyStopped());
    }
    h.raw("</dl></div></section>");
  }

  private void summary(Html h, Trial t) {
    if (t.description() == null) return;
    section(h, "summary", m.get("trial.summary"));
    h.registryParagraphs(t.description().briefSummary());
    if (t.description().detailedDescription() != null && !t.description().detailedDescription().isBlank()) {
      h.el("h3", m.get("trial.description"));
      h.registryParagraphs(t.description().detailedDescription());
    }
    h.raw("</section>");
  }

  private void conditions(Html h, Trial t) {
    if (t.conditions() == null) return;
    section(h, "conditions", m.get("trial.conditions"));
    list(h, t.conditions().conditions());
    if (!t.conditions().keywords().isEmpty()) {
      h.raw("<p><strong>").text(m.get("trial.keywords")).raw(":</strong> ").text(TrialText.join(t.conditions()
          .keywords())).raw("</p>");
    }
    h.raw("</section>");
  }

  private void design(Html h, Trial t) {
    Design d = t.design();
    if (d == null) return;
    section(h, "design", m.get("trial.design"));
    h.raw("<dl class=\"facts\">");
    fact(h, m.get("trial.studyType"), TrialText.words(d.studyType()));
    fact(h, m.get("trial.phase"), TrialText.phases(t));
    if (d.designInfo() != null) {
      Design.DesignInfo i = d.designInfo();
      fact(h, m.get("trial.allocation"), TrialText.words(i.allocation()));
      fact(h, m.get("trial.model"), TrialText.words(i.interventionModel()));
      fact(h, m.get("trial.modelDescription"), i.interventionModelDescription());
      if (i.maskingInfo() != null) {
        fact(h, m.get("trial.masking"), TrialText.words(i.maskingInfo().masking())
            + (i.maskingInfo().whoMasked().isEmpty() ? "" : " (" + String.join(", ", i.maskingInfo().whoMasked()
                .stream().map(TrialText::words).toList()) + ")"));
      }
      fact(h, m.get("trial.purpose"), TrialText.words(i.primaryPurpose()));
      fact(h, m.get("trial.observationalModel"), TrialText.words(i.observationalModel()));
      fact(h, m.get("trial.timePerspective"), TrialText.words(i.timePerspective()));
    }
    if (d.enrollmentInfo() != null && d.enrollmentInfo().count() != null) {
      fact(h, m.get("trial.enrollment"), enrollment(d.enrollmentInfo()));
    }
    h.raw("</dl></section>");
  }

  /** "40 participants (estimated)", or "40 participants" when the record does not say which. */
  private String enrollment(Design.EnrollmentInfo e) {
    String type = e.type() == null ? "" : TrialText.words(e.type()).toLowerCase(java.util.Locale.ROOT);
    return type.isBlank() ? m.get("trial.enrollment.count", e.count())
        : m.get("trial.enrollment.value", e.count(), type);
  }

  private void arms(Html h, Trial t) {
    ArmsInterventions a = t.armsInterventions();
    if (a == null || (a.armGroups().isEmpty() && a.interventions().isEmpty())) return;
    section(h, "arms", m.get("trial.arms"));
    if (!a.armGroups().isEmpty()) {
      h.raw("<div class=\"tablewrap\"><table><thead><tr><th scope=\"col\">").text(m.get("trial.arm"))
          .raw("</th><th scope=\"col\">").text(m.get("trial.intervention")).raw("</th></tr></thead><tbody>");
      for (ArmsInterventions.ArmGroup g : a.armGroups()) {
        h.raw("<tr><td><strong>").text(g.label()).raw("</strong>");
        if (g.type() != null) h.raw("<br>").text(m.get("trial.armType") + ": " + TrialText.words(g.type()));
        h.registryParagraphs(g.description()).raw("</td><td>");
        // Each intervention the arm receives, with its dosing text (kept on the intervention by the registry).
        for (String name : g.interventionNames()) {
          h.raw("<p><strong>").text(name).raw("</strong>");
          a.interventionFor(g, name).map(ArmsInterventions.Intervention::description).filter(d -> !d.isBlank())
              .ifPresent(d -> h.raw("<br>").text(d));
          h.raw("</p>");
        }
        h.raw("</td></tr>");
      }
      h.raw("</tbody></table></div>");
    }
    for (ArmsInterventions.Intervention i : a.interventions()) {
      h.raw("<h3>").text((i.type() == null ? "" : TrialText.words(i.type()) + ": ") + i.name()).raw("</h3>");
      h.registryParagraphs(i.description());
      if (!i.otherNames().isEmpty()) {
        h.raw("<p><strong>").text(m.get("trial.otherNames")).raw(":</strong> ").text(TrialText.join(i.otherNames()))
            .raw("</p>");
      }
    }
    h.raw("</section>");
  }

  private void outcomes(Html h, Trial t) {
    Outcomes o = t.outcomes();
    if (o == null) return;
    section(h, "outcomes", m.get("trial.outcomes"));
    outcomeTable(h, m.get("trial.primaryOutcomes"), o.primaryOutcomes());
    outcomeTable(h, m.get("trial.secondaryOutcomes"), o.secondaryOutcomes());
    outcomeTable(h, m.get("trial.otherOutcomes"), o.otherOutcomes());
    h.raw("</section>");
  }

  private void outcomeTable(Html h, String title, List<Outcomes.Outcome> list) {
    if (list.isEmpty()) return;
    h.el("h3", title);
    h.raw("<div class=\"tablewrap\"><table><thead><tr><th scope=\"col\">").text(m.get("trial.measure"))
        .raw("</th><th scope=\"col\">").text(m.get("trial.timeFrame")).raw("</th></tr></thead><tbody>");
    for (Outcomes.Outcome o : list) {
      h.raw("<tr><td><strong>").text(o.measure()).raw("</strong>");
      if (o.description() != null && !o.description().isBlank()) h.raw("<br>").text(o.description());
      h.raw("</td><td>").text(o.timeFrame()).raw("</td></tr>");
    }
    h.raw("</tbody></table></div>");
  }

  private void eligibility(Html h, Trial t) {
    section(h, "eligibility", m.get("trial.eligibility"));
    h.raw("<dl class=\"facts\">");
    fact(h, m.get("trial.ages"), TrialText.ages(m, t.eligibility()));
    if (t.eligibility() != null) {
      fact(h, m.get("trial.sex"), TrialText.words(t.eligibility().sex()));
      fact(h, m.get("trial.healthyVolunteers"), yesNo(t.eligibility().healthyVolunteers()));
    }
    h.raw("</dl>");
    Optional<CriteriaSet> set = lookup.criteria(t);
    if (set.isEmpty() || set.get().criteria().isEmpty()) {
      h.el("p", m.get("trial.criteria.none"));
    } else {
      h.el("p", m.get("trial.criteria.intro"));
      criteria(h, set.get(), CriterionType.INCLUSION, "trial.criteria.inclusion");
      criteria(h, set.get(), CriterionType.EXCLUSION, "trial.criteria.exclusion");
    }
    if (t.eligibility() != null && t.eligibility().eligibilityCriteria() != null) {
      h.raw("<details><summary>").text(m.get("trial.criteria.fullText")).raw("</summary>")
          .registryParagraphs(t.eligibility().eligibilityCriteria()).raw("</details>");
    }
    h.raw("<p class=\"actions\"><a class=\"button\" href=\"/trials/").text(t.nctId()).raw("/check\">")
        .text(m.get("trial.check")).raw("</a></p></section>");
  }

  private void criteria(Html h, CriteriaSet set, CriterionType type, String titleKey) {
    List<Criterion> list = set.criteria().stream().filter(c -> c.type() == type).toList();
    if (list.isEmpty()) return;
    h.el("h3", m.get(titleKey));
    h.raw("<ol class=\"criteria\">");
    for (Criterion c : list) {
      h.raw("<li>").text(org.eligo.core.trial.RegistryText.display(c.text())).raw("<span class=\"reading\">");
      if (c.confirmAtScreening()) {
        h.raw("<span class=\"tag screening\">").text(m.get("trial.criteria.screening")).raw("</span>");
      } else if (c.rule() instanceof Unparsed) {
        h.raw("<span class=\"tag UNKNOWN\">").text(m.get("trial.criteria.unparsed")).raw("</span>");
      } else {
        h.text(m.get("trial.criteria.reading")).raw(" ").text(RuleDescriber.describe(c.rule()));
      }
      h.raw("</span></li>");
    }
    h.raw("</ol>");
  }

  private void locations(Html h, Trial t) {
    section(h, "locations", m.get("trial.locations"));
    ContactsLocations cl = t.contactsLocations();
    if (cl == null) {
      h.el("p", m.get("trial.noLocations"));
      h.raw("</section>");
      return;
    }
    if (!cl.centralContacts().isEmpty()) {
      h.el("h3", m.get("trial.centralContacts"));
      h.raw("<ul>");
      for (ContactsLocations.Contact c : cl.centralContacts()) contact(h, c);
      h.raw("</ul>");
    }
    if (!cl.overallOfficials().isEmpty()) {
      h.el("h3", m.get("trial.officials"));
      h.raw("<ul>");
      for (ContactsLocations.Official o : cl.overallOfficials()) {
        h.raw("<li>").text(Stream.of(o.name(), o.role() == null ? null : TrialText.words(o.role()), o.affiliation())
            .filter(x -> x != null && !x.isBlank()).reduce((a, b) -> a + ", " + b).orElse("")).raw("</li>");
      }
      h.raw("</ul>");
    }
    if (cl.locations().isEmpty()) {
      h.el("p", m.get("trial.noLocations"));
    } else {
      h.el("h3", m.get("trial.sites"));
      h.raw("<div class=\"tablewrap\"><table><thead><tr><th scope=\"col\">").text(m.get("trial.site"))
          .raw("</th><th scope=\"col\">").text(m.get("trial.siteStatus")).raw("</th></tr></thead><tbody>");
      for (ContactsLocations.Location l : cl.locations()) {
        h.raw("<tr><td><strong>").text(l.facility()).raw("</strong><br>").text(Stream.of(l.city(), l.state(), l.zip(),
            l.country()).filter(x -> x != null && !x.isBlank()).reduce((a, b) -> a + ", " + b).orElse(""));
        if (!l.contacts().isEmpty()) {
          h.raw("<ul>");
          l.contacts().forEach(c -> contact(h, c));
          h.raw("</ul>");
        }
        h.raw("</td><td>").text(l.status() == null ? "" : TrialText.status(m, l.status())).raw("</td></tr>");
      }
      h.raw("</tbody></table></div>");
    }
    h.raw("</section>");
  }

  private void contact(Html h, ContactsLocations.Contact c) {
    h.raw("<li>").text(Stream.of(c.name(), c.role() == null ? null : TrialText.words(c.role()))
        .filter(x -> x != null && !x.isBlank()).reduce((a, b) -> a + ", " + b).orElse(""));
    if (c.phone() != null) h.raw(" – ").text(m.get("trial.phone") + ": " + c.phone()
        + (c.phoneExt() == null ? "" : " ext. " + c.phoneExt()));
    if (c.email() != null) h.raw(" – ").text(m.get("trial.email")).raw(": <a href=\"mailto:").text(c.email())
        .raw("\">").text(c.email()).raw("</a>");
    h.raw("</li>");
  }

  private void results(Html h, Trial t) {
    section(h, "results", m.get("trial.results"));
    List<EvidenceSummary> evidence = lookup.evidence(t);
    if (evidence.isEmpty()) h.el("p", m.get("trial.results.none"));
    int n = 0;
    for (EvidenceSummary e : evidence) {
      String chartId = "chart" + n++;
      h.el("h3", e.linked() ? m.get("trial.results.ofThisTrial") : m.get("trial.results.sameDrug", e.intervention()));
      h.raw("<p>").text(e.citation());
      if (e.doi() != null) h.raw(" <a href=\"https://doi.org/").text(e.doi()).raw("\">doi:").text(e.doi()).raw("</a>");
      if (e.pmid() != null) h.raw(" <a href=\"https://pubmed.ncbi.nlm.nih.gov/").text(e.pmid()).raw("/\">PMID ")
          .text(e.pmid()).raw("</a>");
      h.raw("</p>");
      if (e.registration() != null) h.el("p", m.get("trial.results.registration", e.registration()));
      if (!e.cohorts().isEmpty()) {
        h.raw("<figure><figcaption>").text(m.get("trial.results.caption")).raw("</figcaption>")
            .raw(ResultsChart.svg(m, chartId, e.cohorts())).raw("</figure>");
        h.raw("<div class=\"tablewrap\"><table><caption class=\"visually-hidden\">").text(m.get("trial.results.caption"))
            .raw("</caption><thead><tr>");
        for (String k : List.of("cohort", "outcome", "patients", "responders", "percent", "ci")) {
          h.raw("<th scope=\"col\">").text(m.get("trial.results." + k)).raw("</th>");
        }
        h.raw("</tr></thead><tbody>");
        for (EvidenceSummary.Cohort c : e.cohorts()) {
          h.raw("<tr><td>").text(c.population()).raw("</td><td>").text(c.outcome()).raw("</td><td>")
              .text(Integer.toString(c.n())).raw("</td><td>").text(Integer.toString(c.events())).raw("</td><td>")
              .text(ResultsChart.percent(c.proportion())).raw("</td><td>")
              .text(m.get("trial.results.ciValue", ResultsChart.bound(c.lower()), ResultsChart.bound(c.upper())))
              .raw("</td></tr>");
        }
        h.raw("</tbody></table></div>");
      }
      for (EvidenceSummary.FollowUp f : e.followUps()) {
        h.el("p", m.get("trial.results.followUp", num(f.median()), num(f.min()), num(f.max())));
      }
    }
    h.raw("</section>");
  }

  private static String num(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }

  private void related(Html h, Trial t) {
    section(h, "related", m.get("trial.related"));
    List<RelatedTrial> related = lookup.related(t, 5);
    if (related.isEmpty()) {
      h.el("p", m.get("trial.related.none"));
    } else {
      h.raw("<ul class=\"related\">");
      for (RelatedTrial r : related) {
        h.raw("<li><a href=\"/trials/").text(r.nctId()).raw("\">").text(r.title()).raw("</a> <span class=\"count\">")
            .text(r.nctId()).raw("</span><br>").text(r.reason()).raw("</li>");
      }
      h.raw("</ul>");
    }
    h.raw("</section>");
  }

  private void identifiers(Html h, Trial t) {
    Identification id = t.identification();
    section(h, "identifiers", m.get("trial.identifiers"));
    h.raw("<dl class=\"facts\">");
    fact(h, m.get("trial.nctId"), t.nctId());
    if (id.orgStudyIdInfo() != null) fact(h, m.get("trial.orgStudyId"), id.orgStudyIdInfo().id());
    fact(h, m.get("trial.acronym"), id.acronym());
    if (!id.secondaryIdInfos().isEmpty()) {
      fact(h, m.get("trial.secondaryIds"), String.join("; ", id.secondaryIdInfos().stream()
          .map(s -> s.id() + (s.domain() != null ? " (" + s.domain() + ")" : s.type() != null ? " (" + s.type() + ")"
              : "")).toList()));
    }
    if (!id.nctIdAliases().isEmpty()) fact(h, m.get("trial.aliases"), TrialText.join(id.nctIdAliases()));
    h.raw("</dl></section>");
  }

  private void more(Html h, Trial t) {
    section(h, "more", m.get("trial.more"));
    h.raw("<dl class=\"facts\">");
    if (t.sponsors() != null) {
      if (t.sponsors().leadSponsor() != null) fact(h, m.get("trial.sponsor"), t.sponsors().leadSponsor().name());
      if (!t.sponsors().collaborators().isEmpty()) {
        fact(h, m.get("trial.collaborators"), String.join(", ", t.sponsors().collaborators().stream()
            .map(c -> c.name()).toList()));
      }
      if (t.sponsors().responsibleParty() != null) {
        var rp = t.sponsors().responsibleParty();
        fact(h, m.get("trial.responsibleParty"), Stream.of(TrialText.words(rp.type()), rp.investigatorFullName(),
            rp.investigatorAffiliation()).filter(x -> x != null && !x.isBlank()).reduce((a, b) -> a + ", " + b)
            .orElse(null));
      }
    }
    if (t.oversight() != null) {
      fact(h, m.get("trial.dmc"), yesNo(t.oversight().oversightHasDmc()));
      fact(h, m.get("trial.fdaDrug"), yesNo(t.oversight().isFdaRegulatedDrug()));
      fact(h, m.get("trial.fdaDevice"), yesNo(t.oversight().isFdaRegulatedDevice()));
    }
    if (t.ipdSharing() != null) {
      fact(h, m.get("trial.ipd"), Stream.of(TrialText.words(t.ipdSharing().ipdSharing()), t.ipdSharing().description())
          .filter(x -> x != null && !x.isBlank()).reduce((a, b) -> a + ": " + b).orElse(null));
    }
    h.raw("</dl>");
    if (t.references() != null && !t.references().references().isEmpty()) {
      h.el("h3", m.get("trial.references"));
      h.raw("<ul>");
      t.references().references().forEach(r -> {
        h.raw("<li>").text(r.citation());
        if (r.pmid() != null) h.raw(" <a href=\"https://pubmed.ncbi.nlm.nih.gov/").text(r.pmid()).raw("/\">PMID ")
            .text(r.pmid()).raw("</a>");
        h.raw("</li>");
      });
      h.raw("</ul>");
    }
    if (t.references() != null && !t.references().seeAlsoLinks().isEmpty()) {
      h.el("h3", m.get("trial.links"));
      h.raw("<ul>");
      t.references().seeAlsoLinks().forEach(l -> {
        String url = l.url() == null ? "" : l.url();
        boolean safe = url.startsWith("https://") || url.startsWith("http://");
        h.raw("<li>");
        if (safe) h.raw("<a href=\"").text(url).raw("\">").text(l.label() == null ? url : l.label()).raw("</a>");
        else h.text(l.label() == null ? url : l.label() + " " + url);
        h.raw("</li>");
      });
      h.raw("</ul>");
    }
    h.raw("</section>");
  }

  private static void list(Html h, List<String> items) {
    if (items.isEmpty()) return;
    h.raw("<ul>");
    items.forEach(i -> h.raw("<li>").text(i).raw("</li>"));
    h.raw("</ul>");
  }
}

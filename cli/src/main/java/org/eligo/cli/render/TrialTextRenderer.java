package org.eligo.cli.render;

import org.eligo.core.trial.RegistryText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.eligo.core.trial.ArmsInterventions;
import org.eligo.core.trial.ContactsLocations;
import org.eligo.core.trial.DateStruct;
import org.eligo.core.trial.Design;
import org.eligo.core.trial.Eligibility;
import org.eligo.core.trial.Identification;
import org.eligo.core.trial.Outcomes;
import org.eligo.core.trial.References;
import org.eligo.core.trial.Sponsors;
import org.eligo.core.trial.StatusInfo;
import org.eligo.core.trial.Trial;

/** A trial as a readable page, every section the registry has, in the order trial-finder sites show them. */
public final class TrialTextRenderer {
  private final int width;

  public TrialTextRenderer(int width) {
    this.width = width;
  }

  public String render(Trial t) {
    TextPage p = new TextPage(width);
    Identification id = t.identification();
    p.title(t.title() == null ? t.nctId() : t.title());
    p.field("NCT ID", id.nctId()).field("Official title", id.officialTitle()).field("Acronym", id.acronym());
    p.field("Status", t.status() == null || t.status().overallStatus() == null ? "not given in the registry record"
        : t.overallStatus().label()).field("Phase", phases(t.design()));
    identifiers(p, t);
    status(p, t.status());
    sponsors(p, t.sponsors());
    oversight(p, t.oversight());
    if (t.description() != null) {
      if (t.description().briefSummary() != null && !t.description().briefSummary().isBlank()) {
        p.section("Summary").paragraph(t.description().briefSummary());
      }
      if (t.description().detailedDescription() != null) {
        p.section("Detailed description").paragraph(t.description().detailedDescription());
      }
    }
    if (t.conditions() != null) {
      p.section("Conditions").bullets(t.conditions().conditions());
      if (!t.conditions().keywords().isEmpty()) p.field("Keywords", String.join(", ", t.conditions().keywords()));
    }
    design(p, t.design());
    arms(p, t.armsInterventions());
    outcomes(p, t.outcomes());
    eligibility(p, t.eligibility());
    contacts(p, t.contactsLocations());
    references(p, t.references());
    if (t.ipdSharing() != null) {
      p.section("Sharing of individual participant data")
          .field("Plan to share", t.ipdSharing().ipdSharing() == null ? null : label(t.ipdSharing().ipdSharing().name()))
          .paragraph(t.ipdSharing().description());
    }
    if (t.conditionBrowse() != null || t.interventionBrowse() != null) {
      List<String> terms = new ArrayList<>();
      if (t.conditionBrowse() != null) t.conditionBrowse().meshes().forEach(m -> terms.add(m.term()));
      if (t.interventionBrowse() != null) t.interventionBrowse().meshes().forEach(m -> terms.add(m.term()));
      if (!terms.isEmpty()) p.section("MeSH terms").paragraph(String.join("; ", terms));
    }
    if (t.hasResults() != null) p.line("").field("Results posted", t.hasResults() ? "yes" : "no");
    return p.toString();
  }

  private static void identifiers(TextPage p, Trial t) {
    Identification id = t.identification();
    if (id.orgStudyIdInfo() != null) p.field("Sponsor's study ID", id.orgStudyIdInfo().id());
    for (Identification.SecondaryIdInfo s : id.secondaryIdInfos()) {
      p.field("Other identifier", s.id() + (s.type() == null ? "" : " (" + label(s.type())
          + (s.domain() == null ? "" : ", " + s.domain()) + ")"));
    }
    if (!id.nctIdAliases().isEmpty()) p.field("Also registered as", String.join(", ", id.nctIdAliases()));
  }

  private static void status(TextPage p, StatusInfo s) {
    if (s == null) return;
    p.section("Status and dates");
    p.field("Start", date(s.startDateStruct())).field("Primary completion", date(s.primaryCompletionDateStruct()))
        .field("Completion", date(s.completionDateStruct())).field("First posted", date(s.studyFirstPostDateStruct()))
        .field("Last update posted", date(s.lastUpdatePostDateStruct()))
        .field("Status last verified", s.statusVerifiedDate()).field("Why stopped", s.whyStopped());
  }

  private static void sponsors(TextPage p, Sponsors s) {
    if (s == null) return;
    p.section("Sponsor");
    if (s.leadSponsor() != null) {
      p.field("Lead sponsor", s.leadSponsor().name() + (s.leadSponsor().agencyClass() == null ? ""
          : " (" + label(s.leadSponsor().agencyClass().name()) + ")"));
    }
    if (!s.collaborators().isEmpty()) {
      p.field("Collaborators", s.collaborators().stream().map(Sponsors.Sponsor::name).collect(Collectors.joining(", ")));
    }
    Sponsors.ResponsibleParty r = s.responsibleParty();
    if (r != null) {
      String who = r.investigatorFullName() == null ? "" : r.investigatorFullName()
          + (r.investigatorTitle() == null ? "" : ", " + r.investigatorTitle())
          + (r.investigatorAffiliation() == null ? "" : ", " + r.investigatorAffiliation());
      String type = r.type() == null ? "" : label(r.type().name());
      p.field("Responsible party", type.isEmpty() || who.isEmpty() ? type + who : type + ": " + who);
    }
  }

  private static void design(TextPage p, Design d) {
    if (d == null) return;
    p.section("Study design");
    p.field("Study type", d.studyType() == null ? null : label(d.studyType().name())).field("Phase", phases(d));
    if (d.enrollmentInfo() != null && d.enrollmentInfo().count() != null) {
      p.field("Enrollment", d.enrollmentInfo().count() + " participants" + (d.enrollmentInfo().type() == null ? ""
          : " (" + label(d.enrollmentInfo().type().name()) + ")"));
    }
    Design.DesignInfo i = d.designInfo();
    if (i != null) {
      p.field("Allocation", i.allocation() == null ? null : label(i.allocation().name()))
          .field("Intervention model", i.interventionModel() == null ? null : label(i.interventionModel().name()))
          .field("Primary purpose", i.primaryPurpose() == null ? null : label(i.primaryPurpose().name()))
          .field("Observational model", i.observationalModel() == null ? null : label(i.observationalModel().name()))
          .field("Time perspective", i.timePerspective() == null ? null : label(i.timePerspective().name()));
      if (i.maskingInfo() != null && i.maskingInfo().masking() != null) {
        p.field("Masking", label(i.maskingInfo().masking().name()) + (i.maskingInfo().whoMasked().isEmpty() ? ""
            : " (" + i.maskingInfo().whoMasked().stream().map(w -> label(w.name())).collect(Collectors.joining(", "))
            + ")"));
      }
    }
  }

  private static void arms(TextPage p, ArmsInterventions a) {
    if (a == null) return;
    if (!a.armGroups().isEmpty()) {
      p.section("Arms");
      for (ArmsInterventions.ArmGroup g : a.armGroups()) {
        p.bullet(g.label() + (g.type() == null ? "" : " [" + label(g.type().name()) + "]"), 0);
        if (g.description() != null) p.bullet(g.description(), 1);
        // Each intervention the arm receives, with its dosing text (the registry keeps it on the intervention).
        for (String name : g.interventionNames()) {
          String dosing = a.interventionFor(g, name).map(ArmsInterventions.Intervention::description)
              .filter(d -> !d.isBlank()).orElse(null);
          p.bullet(name + (dosing == null ? "" : ": " + dosing), 1);
        }
      }
    }
    if (!a.interventions().isEmpty()) {
      p.section("Interventions");
      for (ArmsInterventions.Intervention i : a.interventions()) {
        p.bullet((i.type() == null ? "" : label(i.type().name()) + ": ") + i.name(), 0);
        if (!i.otherNames().isEmpty()) p.bullet("Other names: " + String.join(", ", i.otherNames()), 1);
        if (i.description() != null) p.bullet(i.description(), 1);
      }
    }
  }

  private static void oversight(TextPage p, org.eligo.core.trial.Oversight o) {
    if (o == null) return;
    if (o.oversightHasDmc() == null && o.isFdaRegulatedDrug() == null && o.isFdaRegulatedDevice() == null) return;
    p.section("Oversight");
    p.field("Studies a U.S. FDA-regulated drug product", yesNo(o.isFdaRegulatedDrug()));
    p.field("Studies a U.S. FDA-regulated device product", yesNo(o.isFdaRegulatedDevice()));
    p.field("Data monitoring committee", yesNo(o.oversightHasDmc()));
  }

  private static String yesNo(Boolean b) {
    return b == null ? null : b ? "Yes" : "No";
  }

  private static void outcomes(TextPage p, Outcomes o) {
    if (o == null) return;
    outcomeList(p, "Primary outcomes", o.primaryOutcomes());
    outcomeList(p, "Secondary outcomes", o.secondaryOutcomes());
    outcomeList(p, "Other outcomes", o.otherOutcomes());
  }

  private static void outcomeList(TextPage p, String heading, List<Outcomes.Outcome> list) {
    if (list.isEmpty()) return;
    p.section(heading);
    for (Outcomes.Outcome o : list) {
      p.bullet(o.measure() + (o.timeFrame() == null ? "" : " [time frame: " + o.timeFrame() + "]"), 0);
      if (o.description() != null) p.bullet(o.description(), 1);
    }
  }

  private static void eligibility(TextPage p, Eligibility e) {
    if (e == null) return;
    p.section("Eligibility");
    String ages = e.minimumAge() == null && e.maximumAge() == null ? "any age (no limits given)"
        : (e.minimumAge() == null ? "any age" : e.minimumAge()) + " to " + (e.maximumAge() == null ? "no upper limit"
            : e.maximumAge());
    p.field("Ages", ages + (e.stdAges().isEmpty() ? "" : " (" + e.stdAges().stream().map(a -> label(a.name()))
        .collect(Collectors.joining(", ")) + ")"));
    p.field("Sex", e.sex() == null ? null : label(e.sex().name()));
    p.field("Accepts healthy volunteers", e.healthyVolunteers() == null ? null : e.healthyVolunteers() ? "yes" : "no");
    p.field("Study population", e.studyPopulation());
    p.line("").paragraph(RegistryText.display(e.eligibilityCriteria()));
  }

  private static void contacts(TextPage p, ContactsLocations c) {
    if (c == null) return;
    if (!c.centralContacts().isEmpty()) {
      p.section("Contacts");
      c.centralContacts().forEach(k -> p.bullet(contact(k), 0));
    }
    if (!c.overallOfficials().isEmpty()) {
      p.section("Investigators");
      c.overallOfficials().forEach(o -> p.bullet(o.name() + (o.role() == null ? "" : ", " + label(o.role().name()))
          + (o.affiliation() == null ? "" : ", " + o.affiliation()), 0));
    }
    if (!c.locations().isEmpty()) {
      p.section("Locations");
      for (ContactsLocations.Location l : c.locations()) {
        String place = java.util.stream.Stream.of(l.city(), l.state(), l.zip(), l.country())
            .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(", "));
        p.bullet((l.facility() == null ? "" : l.facility() + ", ") + place
            + (l.status() == null ? "" : " [" + l.status().label() + "]"), 0);
        l.contacts().forEach(k -> p.bullet(contact(k), 1));
      }
    }
  }

  private static void references(TextPage p, References r) {
    if (r == null) return;
    if (!r.references().isEmpty()) {
      p.section("References");
      r.references().forEach(x -> p.bullet(x.citation() + (x.pmid() == null ? "" : " PMID " + x.pmid()), 0));
    }
    if (!r.seeAlsoLinks().isEmpty()) {
      p.section("Links");
      r.seeAlsoLinks().forEach(l -> p.bullet((l.label() == null ? "" : l.label() + ": ") + l.url(), 0));
    }
  }

  private static String contact(ContactsLocations.Contact k) {
    return java.util.stream.Stream.of(k.name(), k.role() == null ? null : label(k.role().name()),
            k.phone() == null ? null : k.phone() + (k.phoneExt() == null ? "" : " ext. " + k.phoneExt()), k.email())
        .filter(s -> s != null && !s.isBlank()).collect(Collectors.joining(", "));
  }

  private static String phases(Design d) {
    return d == null || d.phases().isEmpty() ? null
        : d.phases().stream().map(Design.Phase::label).collect(Collectors.joining(" / "));
  }

  private static String date(DateStruct d) {
    if (d == null || d.date() == null) return null;
    return d.date() + (d.type() == null ? "" : d.isEstimated() ? " (estimated)" : " (actual)");
  }

  /** "NOT_YET_RECRUITING" → "Not yet recruiting". */
  static String label(String enumName) {
    switch (enumName) {
      case "NIH", "FED", "ECT" -> { return enumName; }
      case "NA" -> { return "N/A"; }
      case "OTHER_GOV" -> { return "Other government"; }
      case "INDIV" -> { return "Individual"; }
      default -> { }
    }
    String words = enumName.replace('_', ' ').toLowerCase(Locale.ROOT);
    return Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }
}

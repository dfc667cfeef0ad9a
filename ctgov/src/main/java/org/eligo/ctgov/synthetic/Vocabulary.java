package org.eligo.ctgov.synthetic;

import java.util.List;
import org.eligo.core.trial.AgencyClass;
import org.eligo.core.trial.ArmsInterventions.InterventionType;

/**
 * The word lists the generator draws from. Conditions and drugs (with their other names) are real; sponsors and
 * people are invented.
 */
final class Vocabulary {

  private Vocabulary() {}

  /** A drug or other intervention and the other names records give for it. */
  record Agent(InterventionType type, String name, List<String> otherNames, String drugClass) {}

  /**
   * A therapeutic area: its conditions, keywords, what trials in it test, and whether its criteria talk about blood
   * counts.
   */
  record Area(List<String> conditions, List<String> keywords, List<Agent> agents, boolean hematology,
              String guideline) {}

  static Agent drug(String name, String drugClass, String... otherNames) {
    return new Agent(InterventionType.DRUG, name, List.of(otherNames), drugClass);
  }

  static Agent biological(String name, String drugClass, String... otherNames) {
    return new Agent(InterventionType.BIOLOGICAL, name, List.of(otherNames), drugClass);
  }

  static final List<Area> AREAS = List.of(
      new Area(List.of("Immune Thrombocytopenia", "Primary Immune Thrombocytopenia", "Chronic ITP"),
          List.of("ITP", "platelets", "thrombopoietin receptor agonist", "bleeding"),
          List.of(drug("Eltrombopag", "thrombopoietin receptor agonist", "Promacta", "Revolade"),
              biological("Romiplostim", "thrombopoietin receptor agonist", "Nplate"),
              drug("Avatrombopag", "thrombopoietin receptor agonist", "Doptelet"),
              biological("Rituximab", "anti-CD20 monoclonal antibody", "Rituxan", "MabThera"),
              drug("Dexamethasone", "corticosteroid"),
              drug("Sirolimus", "mTOR inhibitor", "Rapamune", "rapamycin")),
          true, "the international working group criteria"),
      new Area(List.of("Aplastic Anemia", "Severe Aplastic Anemia", "Acquired Aplastic Anemia"),
          List.of("bone marrow failure", "immunosuppressive therapy", "PNH clone"),
          List.of(biological("Horse Antithymocyte Globulin", "lymphodepleting therapy", "hATG", "Atgam"),
              biological("Rabbit Antithymocyte Globulin", "lymphodepleting therapy", "rATG", "Thymoglobulin"),
              drug("Cyclosporine", "calcineurin inhibitor", "ciclosporin", "CsA", "Neoral"),
              drug("Eltrombopag", "thrombopoietin receptor agonist", "Promacta", "Revolade"),
              drug("Tacrolimus", "calcineurin inhibitor", "FK506", "Prograf")),
          true, "the Camitta criteria"),
      new Area(List.of("Paroxysmal Nocturnal Hemoglobinuria", "PNH"),
          List.of("complement inhibitor", "hemolysis", "LDH"),
          List.of(biological("Eculizumab", "complement C5 inhibitor", "Soliris"),
              biological("Ravulizumab", "complement C5 inhibitor", "Ultomiris")),
          true, "flow cytometry showing a PNH clone of at least 10%"),
      new Area(List.of("Autoimmune Hemolytic Anemia", "Warm Autoimmune Hemolytic Anemia", "Evans Syndrome",
              "Pure Red Cell Aplasia"),
          List.of("autoimmune cytopenia", "hemolysis", "direct antiglobulin test"),
          List.of(biological("Rituximab", "anti-CD20 monoclonal antibody", "Rituxan", "MabThera"),
              drug("Prednisone", "corticosteroid"),
              drug("Sirolimus", "mTOR inhibitor", "Rapamune", "rapamycin"),
              drug("Tacrolimus", "calcineurin inhibitor", "FK506", "Prograf")),
          true, "a positive direct antiglobulin test and laboratory evidence of hemolysis"),
      new Area(List.of("Multiple Myeloma", "Relapsed Refractory Multiple Myeloma"),
          List.of("plasma cell", "proteasome inhibitor", "M-protein"),
          List.of(drug("Lenalidomide", "immunomodulatory drug", "Revlimid"),
              drug("Bortezomib", "proteasome inhibitor", "Velcade"),
              biological("Daratumumab", "anti-CD38 monoclonal antibody", "Darzalex")),
          true, "the International Myeloma Working Group criteria"),
      new Area(List.of("Sickle Cell Disease", "Beta-Thalassemia"),
          List.of("hemoglobinopathy", "fetal hemoglobin", "transfusion"),
          List.of(drug("Hydroxyurea", "antimetabolite", "hydroxycarbamide", "Hydrea"),
              drug("Deferasirox", "iron chelator", "Exjade")),
          true, "hemoglobin electrophoresis or genetic testing"),
      new Area(List.of("Type 2 Diabetes Mellitus", "Type 2 Diabetes"),
          List.of("glycemic control", "HbA1c", "insulin resistance"),
          List.of(drug("Metformin", "biguanide", "Glucophage"),
              drug("Empagliflozin", "SGLT2 inhibitor", "Jardiance"),
              drug("Semaglutide", "GLP-1 receptor agonist", "Ozempic")),
          false, "the American Diabetes Association criteria"),
      new Area(List.of("Non-small Cell Lung Cancer", "Metastatic Non-small Cell Lung Cancer"),
          List.of("NSCLC", "immunotherapy", "PD-L1"),
          List.of(biological("Pembrolizumab", "PD-1 inhibitor", "Keytruda", "MK-3475"),
              drug("Osimertinib", "EGFR tyrosine kinase inhibitor", "Tagrisso")),
          false, "histology or cytology"),
      new Area(List.of("Rheumatoid Arthritis"),
          List.of("DMARD", "joint inflammation"),
          List.of(drug("Methotrexate", "antimetabolite", "Trexall"),
              biological("Adalimumab", "TNF inhibitor", "Humira"),
              drug("Tofacitinib", "JAK inhibitor", "Xeljanz")),
          false, "the 2010 ACR/EULAR classification criteria"),
      new Area(List.of("Major Depressive Disorder"),
          List.of("depression", "antidepressant"),
          List.of(drug("Sertraline", "selective serotonin reuptake inhibitor", "Zoloft"),
              new Agent(InterventionType.BEHAVIORAL, "Cognitive Behavioral Therapy", List.of("CBT"),
                  "psychotherapy")),
          false, "DSM-5"));

  /** Areas with their weight: hematology dominates, as the product focuses on it. */
  static final int[] AREA_WEIGHTS = {20, 14, 6, 8, 5, 5, 4, 4, 3, 3};

  /** An invented sponsor and its agency class. */
  record Sponsor(String name, AgencyClass agencyClass) {}

  static final List<Sponsor> INDUSTRY = List.of(
      new Sponsor("Northbridge Therapeutics", AgencyClass.INDUSTRY),
      new Sponsor("Halcyon Biopharma Inc.", AgencyClass.INDUSTRY),
      new Sponsor("Meridian Life Sciences", AgencyClass.INDUSTRY),
      new Sponsor("Corvane Pharmaceuticals Ltd.", AgencyClass.INDUSTRY),
      new Sponsor("Asterion Bio Co., Ltd.", AgencyClass.INDUSTRY));

  static final List<Sponsor> OTHER_SPONSORS = List.of(
      new Sponsor("National Institute for Example Research", AgencyClass.NIH),
      new Sponsor("Federal Health Research Agency", AgencyClass.FED),
      new Sponsor("Ministry of Health Research Office", AgencyClass.OTHER_GOV),
      new Sponsor("Cooperative Hematology Trials Network", AgencyClass.NETWORK),
      new Sponsor("International Marrow Failure Consortium", AgencyClass.NETWORK));

  static final List<String> FIRST_NAMES = List.of("Wei", "Li", "Jing", "Hiroshi", "Yuki", "Min-jun", "Anna", "James",
      "Maria", "David", "Sophie", "Lukas", "Giulia", "Carlos", "Aisha", "Priya", "Olga", "Noah", "Emma", "Lars");

  static final List<String> LAST_NAMES = List.of("Zhang", "Wang", "Chen", "Liu", "Tanaka", "Sato", "Kim", "Smith",
      "Johnson", "Garcia", "Martin", "Müller", "Rossi", "Fernández", "Khan", "Patel", "Ivanova", "Brown", "Dubois",
      "Andersson");

  static final List<String> FACILITY_PATTERNS = List.of("%s University Hospital", "%s General Hospital",
      "%s Medical Center", "First Affiliated Hospital of %s Medical University", "%s Institute of Hematology",
      "%s Cancer Center", "%s Children's Hospital", "St. Example Hospital %s");
}

package org.eligo.terminology.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AssertionTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Aplastic anemia | AFFIRMED",
      "MDS without ring sideroblasts | AFFIRMED",
      "Non-Hodgkin lymphoma | AFFIRMED",
      "Nocturnal hemoglobinuria | AFFIRMED",
      "Coombs negative hemolytic anemia | AFFIRMED",
      "No evidence of MDS on marrow biopsy | NEGATED",
      "no PNH clone | NEGATED",
      "Negative for hepatitis B | NEGATED",
      "MDS - ruled out | NEGATED",
      "Hepatitis C, excluded. | NEGATED",
      "Suspected MDS | UNCERTAIN",
      "rule out MDS | UNCERTAIN",
      "R/O PNH | UNCERTAIN",
      "Possible Evans syndrome | UNCERTAIN",
      "PNH? | UNCERTAIN",
      "MDS cannot be excluded | UNCERTAIN",
      "Family history of acute myeloid leukemia | NOT_THE_PATIENT",
      "FH of sickle cell disease | NOT_THE_PATIENT",
      "Personal history of malignant neoplasm of breast | HISTORICAL",
      "History of left breast cancer, s/p lumpectomy + RT 2012 | HISTORICAL",
      "H/O ITP | HISTORICAL",
      "Status post splenectomy | HISTORICAL",
      "Prior myocardial infarction | HISTORICAL",
      "Priority lab | AFFIRMED",
      "Family history of breast cancer | NOT_THE_PATIENT",
      "No history of MDS | NEGATED",
      "HIV negative | ABOUT_IT",
      "Hepatitis C antibody negative | ABOUT_IT",
      "Acute myeloid leukemia, FLT3 negative | ABOUT_IT",
      "Breast cancer, triple negative | ABOUT_IT",
      "Triple negative breast cancer | AFFIRMED",
      "Pulmonary embolism excluded by CTA | NEGATED",
      "Encounter for screening for human immunodeficiency virus [HIV] | ABOUT_IT",
      "Encounter for pregnancy test, result negative | ABOUT_IT",
      "Hepatitis B immune due to vaccination (anti-HBs positive) | ABOUT_IT",
      "Hepatitis B immune | ABOUT_IT",
      "Perinatal exposure to hepatitis C | ABOUT_IT",
      "HIV-exposed, uninfected | ABOUT_IT",
      "Contact with and (suspected) exposure to HIV | ABOUT_IT",
      "At risk for venous thromboembolism | ABOUT_IT",
      "Need for DVT prophylaxis | ABOUT_IT",
      "Infection prevention counseling | ABOUT_IT",
      "Referral to bone marrow transplant service | ABOUT_IT",
      "Candidate for bone marrow transplant | ABOUT_IT",
      "HLA typing for stem cell transplant | ABOUT_IT",
      "Fear of cancer | ABOUT_IT",
      "Screening mammogram for malignant neoplasm of breast | ABOUT_IT",
      "HIV viral load undetectable | ABOUT_IT",
      "Immune thrombocytopenia | AFFIRMED",
      "Autoimmune hemolytic anemia | AFFIRMED",
      "Testicular cancer | AFFIRMED",
      "Nursing home resident | ABOUT_IT",
      "Brain metastases not excluded by MRI | AFFIRMED",
      "Malignancy cannot be ruled out on biopsy | AFFIRMED",
      "Rheumatoid arthritis, RF negative | ABOUT_IT",
      "Lives in a nursing home | ABOUT_IT"})
  void readsTheWordsThatOpenOrCloseAProblemListEntry(String text, Assertion expected) {
    assertThat(Assertion.of(text)).isEqualTo(expected);
  }
}

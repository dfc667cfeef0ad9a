package org.eligo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The page after uploading a FHIR record to "Check my eligibility" across open trials explains each trial shown:
 * what is still open, what decided it and what the record said; its next step does not throw the record away.
 */
class UploadResultPageTest {

  private static String card(String page, String nctId) {
    int at = page.indexOf("href=\"/trials/" + nctId + "\"");
    assertThat(at).as("a card for %s", nctId).isPositive();
    int start = page.lastIndexOf("<li class=\"card", at);
    int end = page.indexOf("<li class=\"card", at);
    return page.substring(start, end < 0 ? page.indexOf("</ol>", at) : end);
  }

  private static String uploadedPage() {
    HttpResponse<String> r = PatientPrivacyTest.upload("/check/fhir",
        TestServers.resource("/patients/wendeline.json"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Cache-Control")).hasValueSatisfying(v -> assertThat(v).contains("no-store"));
    return r.body();
  }

  @Test
  void aTrialThatNeedsMoreInformationListsTheQuestionsTheRecordLeftOpen() {
    String card = card(uploadedPage(), "NCT04961710");
    assertThat(card).contains("More information needed").contains("Still open")
        .contains("Subjects who have completed the end-of-treatment evaluation in the original study");
  }

  @Test
  void aTrialTheRecordRulesOutSaysWhichCriterionAndWhatTheRecordShowed() {
    String card = card(uploadedPage(), "NCT05520892");
    assertThat(card).contains("probably not eligible").contains("Ages eligible: 29 Days to 14 Years")
        .as("the evidence from the record").contains("born 1958-04-12");
    assertThat(card).as("every criterion with its status").contains("class=\"criteria\"")
        .contains("Age &gt; 28 days and ≤ 14 years old");
  }

  @Test
  void aRecordThatSaysThePatientHasDiedChecksNoTrialAndSaysWhy() throws Exception {
    HttpResponse<String> r = PatientPrivacyTest.upload("/check/fhir",
        FhirMatchTest.deceased(TestServers.resource("/patients/wendeline.json")));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("The record says this patient has died on 2024-11-03, so no trial is checked as of")
        .doesNotContain("<li class=\"card");
  }

  @Test
  void aFileThatIsNotAFhirBundleSaysWhyAndOffersTheUploadAgain() {
    HttpResponse<String> notJson = PatientPrivacyTest.upload("/check/fhir", "Patient: Jane, born 1960");
    assertThat(notJson.statusCode()).isEqualTo(422);
    assertThat(notJson.body()).as("the check page again, with why and the upload form open, not a dead-end error page")
        .contains("<h1>Check my eligibility</h1>").contains("This file could not be checked: ")
        .contains("not valid JSON").contains("<details open>").contains("action=\"/check/fhir\"")
        .doesNotContain("Something is not right");
    HttpResponse<String> oneTrial = PatientPrivacyTest.upload("/trials/NCT05520892/check/fhir", "{\"name\": \"Jane\"}");
    assertThat(oneTrial.statusCode()).isEqualTo(422);
    assertThat(oneTrial.body()).contains("This file could not be checked: ")
        .contains("action=\"/trials/NCT05520892/check/fhir\"").contains("href=\"/trials/NCT05520892/check\"");
  }

  @Test
  void oneTrialsResultFromARecordSpeaksOfTheRecordNotOfAnswers() {
    HttpResponse<String> r = PatientPrivacyTest.upload("/trials/NCT05520892/check/fhir",
        TestServers.resource("/patients/wendeline.json"));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("From the record, these criteria rule you out").doesNotContain("From your answers");
  }

  @Test
  void theNextStepKeepsTheRecordsAnswersInsteadOfStartingTheQuestionsAgain() {
    String page = uploadedPage();
    assertThat(page).as("no button restarts the question-by-question check without the record")
        .doesNotContain("action=\"/trials/NCT04961710/check\"").doesNotContain("action=\"/trials/NCT05520892/check\"");
    String card = card(page, "NCT04961710");
    assertThat(card).contains("<a href=\"/trials/NCT04961710\"").contains("study team");
  }
}

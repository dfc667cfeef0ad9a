package org.eligo.referral.outbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.eligo.referral.form.Answer;
import org.eligo.referral.record.Referral;

/**
 * The words of what is sent: the e-mail to the trial team, the confirmation to the person, and the webhook JSON.
 * Subjects carry only the trial id and reference number (subjects end up in logs); personal details are in bodies.
 *
 * @param publicBaseUrl where Eligo's pages are, for the withdrawal link in confirmations
 */
public record ReferralMessages(URI publicBaseUrl) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public ReferralMessages {
    Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
  }

  public MailMessage teamEmail(Referral referral, OutboxEntry entry, String to) {
    StringBuilder body = new StringBuilder();
    body.append("Someone is interested in taking part in ").append(trial(referral)).append(".\n")
        .append("They agreed to be contacted and to have what they entered shared with the trial team.\n\n")
        .append("Reference: ").append(referral.reference()).append('\n')
        .append("Submitted: ").append(referral.submittedAt()).append('\n')
        .append("Name: ").append(referral.name().orElse("")).append('\n');
    referral.email().ifPresent(e -> body.append("E-mail: ").append(e).append('\n'));
    referral.phone().ifPresent(p -> body.append("Phone: ").append(p).append('\n'));
    referral.siteKey().ifPresent(s -> body.append("Site: ").append(site(s)).append('\n'));
    if (!referral.answers().isEmpty()) {
      body.append("\nAnswers to eligibility questions (self-reported):\n");
      for (Answer a : referral.answers()) body.append("- ").append(a.question()).append(": ").append(a.answer()).append('\n');
    }
    referral.message().ifPresent(m -> body.append("\nMessage:\n").append(m).append('\n'));
    body.append("\n-- \nSent by Eligo. Delivery id ").append(entry.deliveryId())
        .append(" (the same id means the same referral).\n");
    return new MailMessage(to, referral.email(),
        "Trial interest: " + referral.nctId() + " (reference " + referral.reference() + ")", body.toString(),
        entry.deliveryId());
  }

  public MailMessage confirmation(Referral referral, OutboxEntry entry) {
    String to = referral.email().orElseThrow(() -> new IllegalArgumentException("referral has no e-mail address"));
    StringBuilder body = new StringBuilder();
    body.append("Hello ").append(referral.name().orElse("")).append(",\n\n")
        .append("Thank you for your interest in ").append(trial(referral)).append(".\n")
        .append("We have received your details and are passing them to the trial team, who will contact you.\n\n")
        .append("Your reference number: ").append(referral.reference()).append("\n\n");
    entry.secretPayload().ifPresent(code -> body
        .append("If you change your mind, you can withdraw and have your details erased at\n")
        .append(publicBaseUrl.resolve("/referrals/withdraw")).append('\n')
        .append("with your reference number and this withdrawal code: ").append(code).append("\n\n"));
    body.append("Taking part in a trial is always your choice. Please talk to your doctor about any questions.\n");
    return new MailMessage(to, Optional.empty(),
        "Your interest in trial " + referral.nctId() + ": reference " + referral.reference(), body.toString(),
        entry.deliveryId());
  }

  /** The webhook body: the referral as JSON, UTF-8. */
  public byte[] webhookJson(Referral referral, OutboxEntry entry) {
    ObjectNode root = JSON.createObjectNode();
    root.put("deliveryId", entry.deliveryId());
    root.put("reference", referral.reference());
    root.put("nctId", referral.nctId());
    referral.trialTitle().ifPresent(t -> root.put("trialTitle", t));
    root.put("submittedAt", referral.submittedAt().toString());
    referral.name().ifPresent(n -> root.put("name", n));
    referral.email().ifPresent(e -> root.put("email", e));
    referral.phone().ifPresent(p -> root.put("phone", p));
    referral.siteKey().ifPresent(s -> root.put("site", s));
    referral.message().ifPresent(m -> root.put("message", m));
    ArrayNode answers = root.putArray("answers");
    for (Answer a : referral.answers()) answers.addObject().put("question", a.question()).put("answer", a.answer());
    root.putObject("consent").put("contact", referral.consentToContact()).put("share", referral.consentToShare());
    return root.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static String trial(Referral referral) {
    return referral.trialTitle().map(t -> "the clinical trial " + referral.nctId() + " (" + t + ")")
        .orElse("the clinical trial " + referral.nctId());
  }

  private static String site(String siteKey) {
    return String.join(", ", java.util.Arrays.stream(siteKey.split("\\|")).filter(s -> !s.isBlank()).toList());
  }
}

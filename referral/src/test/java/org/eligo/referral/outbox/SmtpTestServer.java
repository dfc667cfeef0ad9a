package org.eligo.referral.outbox;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * A real SMTP server (GreenMail) on a fixed loopback port that a test can stop and start again, keeping every
 * message received across restarts.
 */
public final class SmtpTestServer implements AutoCloseable {

  private final int port;
  private final List<MimeMessage> received = new ArrayList<>();
  private GreenMail greenMail;

  public SmtpTestServer() {
    try (ServerSocket socket = new ServerSocket(0)) {
      this.port = socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  public SmtpSettings settings() {
    return SmtpSettings.plain("127.0.0.1", port, "referrals@eligo.example");
  }

  public synchronized SmtpTestServer start() {
    if (greenMail == null) {
      greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
      greenMail.start();
    }
    return this;
  }

  public synchronized void stop() {
    if (greenMail != null) {
      received.addAll(List.of(greenMail.getReceivedMessages()));
      greenMail.stop();
      greenMail = null;
    }
  }

  /** Every message received so far, including before restarts. */
  public synchronized List<MimeMessage> messages() {
    List<MimeMessage> all = new ArrayList<>(received);
    if (greenMail != null) all.addAll(List.of(greenMail.getReceivedMessages()));
    return all;
  }

  public static String header(MimeMessage message, String name) {
    try {
      return message.getHeader(name, ",");
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String body(MimeMessage message) {
    try {
      return message.getContent().toString();
    } catch (MessagingException | IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String to(MimeMessage message) {
    try {
      return message.getAllRecipients()[0].toString();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    stop();
  }
}

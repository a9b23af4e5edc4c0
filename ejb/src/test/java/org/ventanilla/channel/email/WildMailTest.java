package org.ventanilla.channel.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvFileSource;

/**
 * Our own corpus of ugly mails (resources {@code /mail/wild}), written by hand from the RFCs and
 * from what real clients and MTAs emit: each must be read with the right sender, subject and first
 * words, and get the right verdict.
 */
class WildMailTest {

  private static ParsedMail parse(String name) throws Exception {
    try (InputStream in = WildMailTest.class.getResourceAsStream("/mail/wild/" + name)) {
      assertNotNull(in, name);
      return MailParser.parse(in.readAllBytes());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}: {1} from {2}")
  @CsvFileSource(resources = "/mail/wild/messages.csv", delimiter = '|', encoding = "UTF-8")
  @DisplayName("a broken or legacy mail is read like the forgiving clients read it")
  void brokenMailIsReadWithTheRightSenderSubjectAndText(
      String file,
      String verdict,
      String sender,
      String subject,
      String firstWords,
      String attachment,
      boolean repaired)
      throws Exception {
    ParsedMail m = parse(file);

    assertFalse(m.isBounce(), "not a bounce");
    assertEquals(verdict.equals("auto_reply"), m.autoReply(), "auto-reply");
    assertEquals(sender, m.fromAddress());
    assertEquals(subject, m.subject());
    assertTrue(m.text().startsWith(firstWords), () -> "text: " + m.text());
    if (attachment != null) {
      assertTrue(
          m.attachments().stream().anyMatch(a -> a.filename().equals(attachment)),
          () -> "attachments: " + m.attachments().stream().map(a -> a.filename()).toList());
    }
    assertEquals(repaired, m.repaired(), "repaired");
    assertEquals(
        repaired,
        m.attachments().stream().anyMatch(a -> a.filename().equals(MailParser.ORIGINAL_NAME)),
        "a repaired mail keeps its original");
  }

  @ParameterizedTest(name = "{0}")
  @CsvFileSource(resources = "/mail/wild/bounces.csv", delimiter = '|', encoding = "UTF-8")
  @DisplayName("a delivery report as an MTA writes it is a bounce naming our original mail")
  void deliveryReportIsABounceNamingOurMail(
      String file, String originalId, String recipient, String reasonWords) throws Exception {
    ParsedMail m = parse(file);

    assertTrue(m.isBounce(), "bounce");
    assertFalse(m.automatic() && !m.isBounce());
    assertTrue(
        m.bounce().originalIds().contains(originalId), () -> "ids: " + m.bounce().originalIds());
    assertEquals(recipient, m.bounce().recipient());
    assertTrue(m.bounce().failure(), "a failure");
    assertTrue(
        m.bounce().reason().contains(reasonWords) || m.text().contains(reasonWords),
        () -> "reason: " + m.bounce().reason());
  }
}

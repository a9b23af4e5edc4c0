package org.ventanilla.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ventanilla.channel.ChannelService;
import org.ventanilla.channel.email.ConnectionTest;
import org.ventanilla.channel.email.EmailChannelService;
import org.ventanilla.web.faces.Feedback;

/** The admin's list of channels: how each is doing, and testing, polling or deleting one. */
@Named
@ViewScoped
public class ChannelAdmin implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ChannelService channels;
  @Inject EmailChannelService email;

  private List<ChannelRow> rows;
  private final Map<Long, ConnectionTest> tests = new HashMap<>();

  /** f:viewAction, and after every change. */
  public void load() {
    rows = channels.list().stream().map(ChannelRow::of).toList();
  }

  public void test(ChannelRow row) {
    Feedback.run(() -> tests.put(row.id(), email.testConnection(row.id())));
  }

  public void pollNow(ChannelRow row) {
    if (Feedback.run(() -> email.pollNow(row.id()))) {
      Feedback.info("channels.polled", row.name());
    }
    load();
  }

  public void delete(ChannelRow row) {
    if (Feedback.run(() -> channels.delete(row.id()))) {
      tests.remove(row.id());
      Feedback.info("channels.deleted", row.name());
    }
    load();
  }

  public List<ChannelRow> getRows() {
    return rows;
  }

  /** The last connection test of each channel on this page, by channel id. */
  public Map<Long, ConnectionTest> getTests() {
    return tests;
  }
}

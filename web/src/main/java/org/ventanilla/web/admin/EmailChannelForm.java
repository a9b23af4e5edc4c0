package org.ventanilla.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.ventanilla.channel.ChannelService;
import org.ventanilla.channel.email.ConnectionTest;
import org.ventanilla.channel.email.EmailChannelRequest;
import org.ventanilla.channel.email.EmailChannelService;
import org.ventanilla.channel.email.EmailChannelView;
import org.ventanilla.channel.email.MailNoticeView;
import org.ventanilla.channel.email.MailServer;
import org.ventanilla.channel.email.OAuthConnectService;
import org.ventanilla.channel.email.QuarantineView;
import org.ventanilla.common.Page;
import org.ventanilla.web.faces.Feedback;

/**
 * Adds a mailbox (no id) or changes one: its IMAP and SMTP settings, a connection test, and the
 * mail it quarantined. Passwords are only ever written: the form never shows a stored one, and an
 * empty password field keeps it.
 */
@Named
@ViewScoped
public class EmailChannelForm implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject ChannelService channels;
  @Inject EmailChannelService service;
  @Inject OAuthConnectService oauth;

  private Long id;
  private boolean created;
  private boolean found = true;
  private String savedName;

  private String name;
  private String address;
  private Integer pollSeconds = 60;
  private boolean active = true;
  private String processedFolder;
  private String oauthProvider;
  private String oauthHealth;
  private final Server imap = new Server("ssl", "INBOX");
  private final Server smtp = new Server("ssl", null);

  private ConnectionTest test;
  private List<QuarantineView> quarantine = List.of();
  private List<MailNoticeView> notices = List.of();

  /** The newest bounces and auto-replies shown; the API pages through all of them. */
  private static final int NOTICES_SHOWN = 50;

  /** f:viewAction: an empty form without id, the stored settings with one. */
  public void load() {
    if (id == null) {
      return;
    }
    EmailChannelView view =
        channels
            .get(id)
            .filter(EmailChannelView.class::isInstance)
            .map(EmailChannelView.class::cast)
            .orElse(null);
    found = view != null;
    if (found) {
      show(view);
      quarantine = service.quarantine(id);
      notices = service.notices(id, Page.request(0, NOTICES_SHOWN)).items();
    }
  }

  /** Saves; a new mailbox opens as itself, so that it can be tested right away. */
  public String save() {
    EmailChannelRequest request =
        new EmailChannelRequest(
            name,
            address,
            pollSeconds,
            imap.toMailServer(),
            smtp.toMailServer(),
            processedFolder == null ? "" : processedFolder,
            id == null ? null : active,
            null);
    String outcome =
        ChannelForms.save(
            id,
            () -> service.create(request),
            EmailChannelView::id,
            "/admin/channel-email",
            () -> service.update(id, request),
            this::show);
    imap.password = null;
    smtp.password = null;
    return outcome;
  }

  /**
   * "Connect with Microsoft / Google": off to the provider's consent page, back at the callback.
   */
  public void connectOAuth() throws java.io.IOException {
    java.util.Optional<String> url = Feedback.call(() -> oauth.start(id));
    if (url.isPresent()) {
      jakarta.faces.context.FacesContext.getCurrentInstance()
          .getExternalContext()
          .redirect(url.get());
    }
  }

  /** What the app registration must allow as its redirect URI. */
  public String getRedirectUri() {
    return OAuthConnectService.redirectUri();
  }

  public String getOauthProvider() {
    return oauthProvider;
  }

  public boolean isOauthConnected() {
    return "connected".equals(oauthHealth);
  }

  public void testConnection() {
    Feedback.call(() -> service.testConnection(id)).ifPresent(result -> test = result);
  }

  public void reprocess(QuarantineView entry) {
    if (Feedback.run(() -> service.reprocess(id, entry.id()))) {
      Feedback.info("emailChannel.reprocessed");
    }
    quarantine = service.quarantine(id);
  }

  private void show(EmailChannelView view) {
    savedName = view.name();
    name = view.name();
    address = view.address();
    pollSeconds = view.pollSeconds();
    active = view.active();
    processedFolder = view.processedFolder();
    imap.show(view.imap());
    smtp.show(view.smtp());
    oauthProvider = view.oauth() == null ? null : view.oauth().provider();
    oauthHealth = view.health() == null ? null : view.health().oauth();
  }

  /** The form fields of one mail server; the password field starts empty, always. */
  public static final class Server implements Serializable {
    private static final long serialVersionUID = 1L;

    private String host;
    private Integer port;
    private String security;
    private String username;
    private String password;
    private String folder;
    private boolean passwordSet;

    Server(String security, String folder) {
      this.security = security;
      this.folder = folder;
    }

    void show(EmailChannelView.Server stored) {
      host = stored.host();
      port = stored.port();
      security = stored.security();
      username = stored.username();
      folder = stored.folder();
      passwordSet = stored.passwordSet();
      password = null;
    }

    MailServer toMailServer() {
      return new MailServer(
          host, port, security, blankToNull(username), blankToNull(password), folder, null);
    }

    private static String blankToNull(String s) {
      return s == null || s.isBlank() ? null : s;
    }

    public String getHost() {
      return host;
    }

    public void setHost(String host) {
      this.host = host;
    }

    public Integer getPort() {
      return port;
    }

    public void setPort(Integer port) {
      this.port = port;
    }

    public String getSecurity() {
      return security;
    }

    public void setSecurity(String security) {
      this.security = security;
    }

    public String getUsername() {
      return username;
    }

    public void setUsername(String username) {
      this.username = username;
    }

    /** Write-only: the page never shows a password back. */
    public String getPassword() {
      return null;
    }

    public void setPassword(String password) {
      this.password = password;
    }

    public String getFolder() {
      return folder;
    }

    public void setFolder(String folder) {
      this.folder = folder;
    }

    public boolean isPasswordSet() {
      return passwordSet;
    }
  }

  public List<String> getSecurityValues() {
    return List.of("ssl", "starttls", "none");
  }

  public boolean isEditing() {
    return id != null && found;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public boolean isCreated() {
    return created;
  }

  public void setCreated(boolean created) {
    this.created = created;
  }

  public boolean isFound() {
    return found;
  }

  public String getSavedName() {
    return savedName;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public Integer getPollSeconds() {
    return pollSeconds;
  }

  public void setPollSeconds(Integer pollSeconds) {
    this.pollSeconds = pollSeconds;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public String getProcessedFolder() {
    return processedFolder;
  }

  public void setProcessedFolder(String processedFolder) {
    this.processedFolder = processedFolder;
  }

  public Server getImap() {
    return imap;
  }

  public Server getSmtp() {
    return smtp;
  }

  public ConnectionTest getTest() {
    return test;
  }

  public List<MailNoticeView> getNotices() {
    return notices;
  }

  public List<QuarantineView> getQuarantine() {
    return quarantine;
  }
}

package org.ventanilla.web.admin;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.ventanilla.channel.email.ConnectionTest;
import org.ventanilla.channel.email.EmailChannelRequest;
import org.ventanilla.channel.email.EmailChannelService;
import org.ventanilla.channel.email.EmailChannelView;
import org.ventanilla.channel.email.MailNoticeView;
import org.ventanilla.channel.email.MailSecurity;
import org.ventanilla.channel.email.MailServer;
import org.ventanilla.channel.email.MailSignature;
import org.ventanilla.channel.email.OAuthConnectService;
import org.ventanilla.channel.email.QuarantineView;
import org.ventanilla.common.Enums;
import org.ventanilla.common.Page;
import org.ventanilla.web.faces.Feedback;
import org.ventanilla.web.faces.Menus;

/**
 * Adds a mailbox (no id) or changes one: its IMAP and SMTP settings, a connection test, and the
 * mail it quarantined. Passwords are only ever written: the form never shows a stored one, and an
 * empty password field keeps it.
 */
@Named
@ViewScoped
public class EmailChannelForm extends ChannelForm<EmailChannelView> {

  private static final long serialVersionUID = 1L;

  @Inject EmailChannelService service;
  @Inject OAuthConnectService oauth;

  private String name;
  private String address;
  private Integer pollSeconds = 60;
  private boolean active = true;
  private String processedFolder;
  private String signature;
  private String oauthProvider;
  private String oauthHealth;
  private String redirectUri;
  private final Server imap = new Server(Enums.json(MailSecurity.SSL), "INBOX", true);
  private final Server smtp = new Server(Enums.json(MailSecurity.SSL), null, null);

  private ConnectionTest test;
  private List<QuarantineView> quarantine = List.of();
  private List<MailNoticeView> notices = List.of();

  /** The newest bounces and auto-replies shown; the API pages through all of them. */
  private static final int NOTICES_SHOWN = 50;

  @Override
  protected Class<EmailChannelView> viewType() {
    return EmailChannelView.class;
  }

  @Override
  protected String page() {
    return "/admin/channel-email";
  }

  @Override
  protected String nameOf(EmailChannelView view) {
    return view.name();
  }

  @Override
  protected long idOf(EmailChannelView view) {
    return view.id();
  }

  @Override
  protected void loaded(long id) {
    quarantine = service.quarantine(id);
    notices = service.notices(id, Page.request(0, NOTICES_SHOWN)).items();
  }

  private EmailChannelRequest request() {
    return new EmailChannelRequest(
        name,
        address,
        pollSeconds,
        imap.toMailServer(),
        smtp.toMailServer(),
        processedFolder == null ? "" : processedFolder,
        getId() == null ? null : active,
        null,
        signature == null ? "" : signature);
  }

  /** A new mailbox opens as itself, so that it can be tested right away. */
  @Override
  protected EmailChannelView create() {
    return service.create(request());
  }

  @Override
  protected EmailChannelView update(long id) {
    return service.update(id, request());
  }

  /** The passwords typed are forgotten after every save. */
  @Override
  protected void saved() {
    imap.password = null;
    smtp.password = null;
  }

  /**
   * "Connect with Microsoft / Google": off to the provider's consent page, back at the callback.
   */
  public void connectOAuth() throws IOException {
    Optional<String> url =
        Feedback.call(() -> oauth.start(getId(), RequestBase.of(currentRequest())));
    if (url.isPresent()) {
      FacesContext.getCurrentInstance().getExternalContext().redirect(url.get());
    }
  }

  private static jakarta.servlet.http.HttpServletRequest currentRequest() {
    return (jakarta.servlet.http.HttpServletRequest)
        FacesContext.getCurrentInstance().getExternalContext().getRequest();
  }

  /** What the app registration must allow as its redirect URI. */
  public String getRedirectUri() {
    return redirectUri;
  }

  public String getOauthProvider() {
    return oauthProvider;
  }

  public boolean isOauthConnected() {
    return "connected".equals(oauthHealth);
  }

  public void testConnection() {
    Feedback.call(() -> service.testConnection(getId())).ifPresent(result -> test = result);
  }

  public void reprocess(QuarantineView entry) {
    if (Feedback.run(() -> service.reprocess(getId(), entry.id()))) {
      Feedback.info("emailChannel.reprocessed");
    }
    quarantine = service.quarantine(getId());
  }

  @Override
  protected void show(EmailChannelView view) {
    name = view.name();
    address = view.address();
    pollSeconds = view.pollSeconds();
    active = view.active();
    processedFolder = view.processedFolder();
    signature = view.signature();
    imap.show(view.imap());
    smtp.show(view.smtp());
    oauthProvider = view.oauth() == null ? null : view.oauth().provider();
    oauthHealth = view.health() == null ? null : view.health().oauth();
    redirectUri = oauth.redirectUri(RequestBase.of(currentRequest()));
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
    // IMAP IDLE allowed (IMAP only; null for SMTP, which has no such choice).
    private Boolean idle;

    Server(String security, String folder, Boolean idle) {
      this.security = security;
      this.folder = folder;
      this.idle = idle;
    }

    void show(EmailChannelView.Server stored) {
      host = stored.host();
      port = stored.port();
      security = stored.security();
      username = stored.username();
      folder = stored.folder();
      passwordSet = stored.passwordSet();
      password = null;
      if (idle != null) {
        idle = stored.idle() == null || stored.idle();
      }
    }

    MailServer toMailServer() {
      return new MailServer(
          host, port, security, blankToNull(username), blankToNull(password), folder, null, idle);
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

    public boolean isIdle() {
      return idle != null && idle;
    }

    public void setIdle(boolean idle) {
      if (this.idle != null) {
        this.idle = idle;
      }
    }
  }

  public List<String> getSecurityValues() {
    return Menus.of(MailSecurity.class);
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

  public String getSignature() {
    return signature;
  }

  /** The placeholders a signature may use, as MailSignature fills them. */
  public String getPlaceholders() {
    return MailSignature.PLACEHOLDERS;
  }

  public void setSignature(String signature) {
    this.signature = signature;
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

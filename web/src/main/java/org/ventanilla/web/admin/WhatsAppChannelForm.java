package org.ventanilla.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.ventanilla.channel.whatsapp.WhatsAppChannelRequest;
import org.ventanilla.channel.whatsapp.WhatsAppChannelService;
import org.ventanilla.channel.whatsapp.WhatsAppChannelView;
import org.ventanilla.channel.whatsapp.WhatsAppTemplateRequest;
import org.ventanilla.channel.whatsapp.WhatsAppTemplateView;
import org.ventanilla.web.faces.Feedback;

/**
 * Adds a WhatsApp number (no id) or changes one, and manages its approved message templates. The
 * three secrets are only ever written: empty fields keep what is stored.
 */
@Named
@ViewScoped
public class WhatsAppChannelForm extends ChannelForm<WhatsAppChannelView> {

  private static final long serialVersionUID = 1L;

  @Inject WhatsAppChannelService service;

  private String name;
  private String phoneNumberId;
  private String displayPhoneNumber;
  private String accessToken;
  private String appSecret;
  private String verifyToken;
  private String apiBaseUrl;
  private String apiVersion = "v21.0";
  private Integer reopenDays = 7;
  private boolean active = true;
  private String wabaId;
  private boolean markRead = true;
  private boolean typingIndicator = true;
  private boolean accessTokenSet;
  private boolean appSecretSet;
  private boolean verifyTokenSet;

  private List<WhatsAppTemplateView> templates = List.of();
  private String templateName;
  private String templateLanguage = "es";
  private Integer templateParameters = 0;
  private String templateText;

  @Override
  protected Class<WhatsAppChannelView> viewType() {
    return WhatsAppChannelView.class;
  }

  @Override
  protected String page() {
    return "/admin/channel-whatsapp";
  }

  @Override
  protected String nameOf(WhatsAppChannelView view) {
    return view.name();
  }

  @Override
  protected long idOf(WhatsAppChannelView view) {
    return view.id();
  }

  @Override
  protected void loaded(long id) {
    templates = service.templates(getId());
  }

  private WhatsAppChannelRequest request() {
    return new WhatsAppChannelRequest(
        name,
        phoneNumberId,
        displayPhoneNumber,
        blankToNull(accessToken),
        blankToNull(appSecret),
        blankToNull(verifyToken),
        blankToNull(apiBaseUrl),
        apiVersion,
        reopenDays,
        getId() == null ? null : active,
        wabaId == null ? null : wabaId.strip(),
        markRead,
        typingIndicator);
  }

  @Override
  protected WhatsAppChannelView create() {
    return service.create(request());
  }

  @Override
  protected WhatsAppChannelView update(long id) {
    return service.update(id, request());
  }

  public void addTemplate() {
    var request =
        new WhatsAppTemplateRequest(
            templateName, templateLanguage, templateParameters, templateText);
    if (Feedback.run(() -> service.addTemplate(getId(), request))) {
      templateName = null;
      templateText = null;
      templateParameters = 0;
      Feedback.info("whatsappChannel.templateAdded");
    }
    templates = service.templates(getId());
  }

  /** Reads the account's templates now (GET /{waba-id}/message_templates). */
  public void syncTemplates() {
    Feedback.call(() -> service.syncTemplates(getId()))
        .ifPresent(r -> Feedback.info("whatsappChannel.synced", r.read(), r.approved()));
    templates = service.templates(getId());
  }

  public void deleteTemplate(WhatsAppTemplateView template) {
    Feedback.run(() -> service.deleteTemplate(getId(), template.id()));
    templates = service.templates(getId());
  }

  @Override
  protected void show(WhatsAppChannelView view) {
    name = view.name();
    phoneNumberId = view.phoneNumberId();
    displayPhoneNumber = view.displayPhoneNumber();
    apiBaseUrl = view.apiBaseUrl();
    apiVersion = view.apiVersion();
    reopenDays = view.reopenDays();
    active = view.active();
    wabaId = view.wabaId();
    markRead = view.markRead();
    typingIndicator = view.typingIndicator();
    accessTokenSet = view.accessTokenSet();
    appSecretSet = view.appSecretSet();
    verifyTokenSet = view.verifyTokenSet();
    accessToken = null;
    appSecret = null;
    verifyToken = null;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getPhoneNumberId() {
    return phoneNumberId;
  }

  public void setPhoneNumberId(String phoneNumberId) {
    this.phoneNumberId = phoneNumberId;
  }

  public String getDisplayPhoneNumber() {
    return displayPhoneNumber;
  }

  public void setDisplayPhoneNumber(String displayPhoneNumber) {
    this.displayPhoneNumber = displayPhoneNumber;
  }

  public String getAccessToken() {
    return accessToken;
  }

  public void setAccessToken(String accessToken) {
    this.accessToken = accessToken;
  }

  public String getAppSecret() {
    return appSecret;
  }

  public void setAppSecret(String appSecret) {
    this.appSecret = appSecret;
  }

  public String getVerifyToken() {
    return verifyToken;
  }

  public void setVerifyToken(String verifyToken) {
    this.verifyToken = verifyToken;
  }

  public String getApiBaseUrl() {
    return apiBaseUrl;
  }

  public void setApiBaseUrl(String apiBaseUrl) {
    this.apiBaseUrl = apiBaseUrl;
  }

  public String getApiVersion() {
    return apiVersion;
  }

  public void setApiVersion(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  public Integer getReopenDays() {
    return reopenDays;
  }

  public void setReopenDays(Integer reopenDays) {
    this.reopenDays = reopenDays;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }

  public String getWabaId() {
    return wabaId;
  }

  public void setWabaId(String wabaId) {
    this.wabaId = wabaId;
  }

  public boolean isMarkRead() {
    return markRead;
  }

  public void setMarkRead(boolean markRead) {
    this.markRead = markRead;
  }

  public boolean isTypingIndicator() {
    return typingIndicator;
  }

  public void setTypingIndicator(boolean typingIndicator) {
    this.typingIndicator = typingIndicator;
  }

  public boolean isAccessTokenSet() {
    return accessTokenSet;
  }

  public boolean isAppSecretSet() {
    return appSecretSet;
  }

  public boolean isVerifyTokenSet() {
    return verifyTokenSet;
  }

  public List<WhatsAppTemplateView> getTemplates() {
    return templates;
  }

  public String getTemplateName() {
    return templateName;
  }

  public void setTemplateName(String templateName) {
    this.templateName = templateName;
  }

  public String getTemplateLanguage() {
    return templateLanguage;
  }

  public void setTemplateLanguage(String templateLanguage) {
    this.templateLanguage = templateLanguage;
  }

  public Integer getTemplateParameters() {
    return templateParameters;
  }

  public void setTemplateParameters(Integer templateParameters) {
    this.templateParameters = templateParameters;
  }

  public String getTemplateText() {
    return templateText;
  }

  public void setTemplateText(String templateText) {
    this.templateText = templateText;
  }
}

/*
 * The layout's alert poll answers what happened to my tickets: each alert becomes a browser
 * notification (when the agent allowed them on the profile page; clicking opens the ticket), and
 * the title starts with my unread count, "(3) Bandeja · Ventanilla".
 */
(function () {
  var baseTitle = document.title;

  function text(kind) {
    var texts = document.getElementById('alert-texts');
    return (texts && texts.getAttribute('data-' + kind)) || kind;
  }

  function notify(alert) {
    if (!('Notification' in window) || window.Notification.permission !== 'granted') {
      return;
    }
    var texts = document.getElementById('alert-texts');
    var shown = new window.Notification(text(alert.kind) + ' · #' + alert.number, {
      body: alert.subject,
      tag: 'ventanilla-' + alert.kind + '-' + alert.ticketId
    });
    if (shown && texts) {
      shown.onclick = function () {
        window.focus();
        window.location.href = texts.getAttribute('data-ticket-url') + alert.ticketId;
      };
    }
  }

  window.ventanillaAlerts = function (args) {
    if (!args || !args.alerts) {
      return;
    }
    var answer = JSON.parse(args.alerts);
    document.title = (answer.unread > 0 ? '(' + answer.unread + ') ' : '') + baseTitle;
    answer.alerts.forEach(notify);
    window.ventanillaAlertsReady = true;
  };
})();

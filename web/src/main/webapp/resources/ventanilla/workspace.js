/*
 * The ticket workspace's composer: Ctrl+Enter (Cmd+Enter on a Mac) sends what is being written,
 * and writing tells the other agents on the ticket ("Ana está escribiendo…") at most every two
 * seconds, through the page's composerTyping remote command.
 */
(function ($) {
  var lastSignal = 0;

  $(document).on('keydown', '.compose textarea', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      $(this).closest('.compose').find('.compose-send').trigger('click');
    }
  });

  // "/shortcut" then Tab: the server swaps it for that canned response, filled for this ticket.
  $(document).on('keydown', '.compose-reply textarea', function (event) {
    if (event.key === 'Tab' && !event.shiftKey && /(^|\s)\/[\w\u00C0-\u024F-]+\s*$/.test(this.value)) {
      event.preventDefault();
      window.expandShortcut();
    }
  });

  // r: reply, n: note, when the agent is not already typing somewhere.
  $(document).on('keydown', function (event) {
    if ($(event.target).is('input, textarea, select, [contenteditable]') ||
        event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var target = event.key === 'r' ? '.compose-reply textarea' : event.key === 'n' ? '.compose-note textarea' : null;
    if (target && $(target).length) {
      event.preventDefault();
      $(target).first().trigger('focus');
    }
  });

  $(document).on('input', '.compose textarea', function () {
    var now = Date.now();
    if (now - lastSignal > 2000 && typeof window.composerTyping === 'function') {
      lastSignal = now;
      window.composerTyping();
    }
  });

  // On WhatsApp, writing also shows the customer the typing indicator: POST .../typing at most
  // every 10 s from here (the server sends it at most every 20 s per ticket). Fire and forget.
  var lastCustomerSignal = 0;

  $(document).on('input', '.compose-reply textarea', function () {
    var composer = $(this).closest('.composer');
    var url = composer.attr('data-typing') === 'true' ? composer.attr('data-typing-url') : null;
    var now = Date.now();
    if (!url || now - lastCustomerSignal < 10000 || typeof window.fetch !== 'function') {
      return;
    }
    lastCustomerSignal = now;
    window.fetch(url, {method: 'POST', credentials: 'same-origin'}).catch(function () {});
  });

  // A mail's remote images wait in data-remote-src until the agent asks for that message's
  // images; the choice holds while the page stays open, also when the conversation re-renders.
  var imagesShown = {};

  function showImages(article) {
    $(article).find('img[data-remote-src]').each(function () {
      this.setAttribute('src', this.getAttribute('data-remote-src'));
      this.removeAttribute('data-remote-src');
    });
    $(article).find('.remote-images').remove();
  }

  $(document).on('click', '.show-images', function () {
    imagesShown[$(this).attr('data-message')] = true;
    showImages($(this).closest('article'));
  });

  $(document).on('pfAjaxComplete', function () {
    $('.show-images').each(function () {
      if (imagesShown[$(this).attr('data-message')]) {
        showImages($(this).closest('article'));
      }
    });
  });

  /** The reply with a canned response put in by the server; the agent writes on from its end. */
  window.ventanillaSetReply = function (args) {
    var reply = $('.compose-reply textarea').get(0);
    if (reply && args && typeof args.reply === 'string') {
      reply.value = args.reply;
      reply.focus();
      reply.setSelectionRange(reply.value.length, reply.value.length);
      $(reply).trigger('input');
    }
  };
})(jQuery);

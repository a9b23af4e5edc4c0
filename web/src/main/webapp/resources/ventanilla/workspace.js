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

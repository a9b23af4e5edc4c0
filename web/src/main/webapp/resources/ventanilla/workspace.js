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

  $(document).on('input', '.compose textarea', function () {
    var now = Date.now();
    if (now - lastSignal > 2000 && typeof window.composerTyping === 'function') {
      lastSignal = now;
      window.composerTyping();
    }
  });
})(jQuery);

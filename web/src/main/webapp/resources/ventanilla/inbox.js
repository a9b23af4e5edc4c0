/*
 * Keyboard in the inbox, as in mail clients: j / k move between tickets, Enter opens the marked
 * one. Keys typed into a field are left alone. The mark survives the live refresh of the table
 * by the ticket's link, not by the row's position.
 */
(function ($) {
  var current = null;

  function rows() {
    return $('.inbox-table tbody tr').has('a.subject');
  }

  function mark(row) {
    rows().removeClass('row-current');
    if (row && row.length) {
      row.addClass('row-current');
      current = row.find('a.subject').attr('href');
      row.get(0).scrollIntoView({block: 'nearest'});
    }
  }

  function markedIndex() {
    var all = rows();
    for (var i = 0; i < all.length; i++) {
      if ($(all[i]).find('a.subject').attr('href') === current) {
        return i;
      }
    }
    return -1;
  }

  $(document).on('keydown', function (event) {
    if ($(event.target).is('input, textarea, select, [contenteditable]') ||
        event.ctrlKey || event.metaKey || event.altKey) {
      return;
    }
    var all = rows();
    var index = markedIndex();
    if (event.key === 'j') {
      mark($(all[Math.min(index + 1, all.length - 1)]));
    } else if (event.key === 'k') {
      mark($(all[Math.max(index - 1, 0)]));
    } else if (event.key === 'Enter' && index >= 0) {
      window.location.href = current;
    } else if (event.key === '/') {
      var search = $('.inbox-search input').first();
      if (search.length) {
        event.preventDefault();
        search.trigger('focus');
      }
    }
  });

  // After a live refresh the rows are new elements: mark the same ticket again.
  $(document).on('pfAjaxComplete', function () {
    var index = markedIndex();
    if (index >= 0) {
      $(rows()[index]).addClass('row-current');
    }
  });
})(jQuery);

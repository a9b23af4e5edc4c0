/*
 * What the pages need for keyboards, screen readers and phones beyond their markup:
 * - PrimeFaces' multiple autocomplete (the ticket's tags) renders its chips as a listbox whose items
 *   are not options; it is a list of chips plus an input, so it is announced as a list.
 * - On a narrow screen the ticket's properties hide behind a button that says whether they are open.
 * - The agent's menu closes on Escape (focus back on its button) and on a click elsewhere.
 */
(function () {
  function fixChipLists() {
    var lists = document.querySelectorAll('.ui-autocomplete-multiple-container');
    for (var i = 0; i < lists.length; i++) {
      var list = lists[i];
      list.setAttribute('role', 'list');
      list.removeAttribute('aria-orientation');
      list.removeAttribute('aria-activedescendant');
      var items = list.children;
      for (var j = 0; j < items.length; j++) {
        items[j].setAttribute('role', 'listitem');
      }
    }
  }

  function wirePropertiesToggle() {
    var button = document.getElementById('properties-toggle');
    var panel = document.getElementById('ticket-sidebar');
    if (!button || !panel || button.getAttribute('data-wired')) {
      return;
    }
    button.setAttribute('data-wired', 'true');
    button.addEventListener('click', function () {
      var open = panel.classList.toggle('sidebar-open');
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      if (open) {
        panel.focus();
      }
    });
  }

  document.addEventListener('keydown', function (event) {
    var menu = document.querySelector('details.agent-menu[open]');
    if (menu && event.key === 'Escape') {
      menu.removeAttribute('open');
      menu.querySelector('summary').focus();
    }
  });
  document.addEventListener('click', function (event) {
    var menu = document.querySelector('details.agent-menu[open]');
    if (menu && !menu.contains(event.target)) {
      menu.removeAttribute('open');
    }
  });

  function run() {
    fixChipLists();
    wirePropertiesToggle();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', run);
  } else {
    run();
  }
  if (window.jQuery) {
    window.jQuery(document).on('pfAjaxComplete', fixChipLists);
  }
})();

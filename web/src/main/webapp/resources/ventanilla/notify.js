/*
 * The profile page asks for the browser's permission to show notifications, on a click and never
 * at sign-in; the state the browser answers is shown next to the button.
 */
(function () {
  var button = document.getElementById('notify-permission');
  var state = document.getElementById('notify-permission-state');
  if (!button || !state) {
    return;
  }
  function show(permission) {
    if (permission === 'granted') {
      state.textContent = button.getAttribute('data-granted');
    } else if (permission === 'denied') {
      state.textContent = button.getAttribute('data-denied');
    }
  }
  if (!('Notification' in window)) {
    button.disabled = true;
    return;
  }
  show(Notification.permission);
  button.addEventListener('click', function () {
    var asked = Notification.requestPermission(show);
    if (asked && asked.then) {
      asked.then(show);
    }
  });
})();

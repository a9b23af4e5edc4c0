// "/" anywhere outside a text field jumps to the search box, as in most web apps.
document.addEventListener("keydown", function (event) {
  var target = event.target;
  var typing = target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
  if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    var box = document.getElementById("search-box");
    if (box) {
      event.preventDefault();
      box.focus();
      box.select();
    }
  }
});

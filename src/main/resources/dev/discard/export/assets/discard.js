// discard export: the little there is. Every page reads fully without it.
(function () {
  "use strict";
  // Spoilers: a click reveals (keyboard and hover already do, through CSS).
  document.addEventListener("click", function (event) {
    var spoiler = event.target.closest ? event.target.closest(".spoiler") : null;
    if (spoiler) spoiler.classList.add("shown");
  });
  // The search box of every page opens the search page with the query (search.html reads it from the address).
  var box = document.querySelector("form.search-box");
  if (box) {
    box.hidden = false;
    box.addEventListener("submit", function (event) {
      event.preventDefault();
      var q = box.querySelector("input[name=q]").value;
      window.location.href = box.getAttribute("data-root") + "search.html?q=" + encodeURIComponent(q);
    });
  }
  // Jump to a date: the first day on or after the one chosen. Without JS the list of days does the same.
  var form = document.querySelector("form.jump");
  if (!form) return;
  form.hidden = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var wanted = document.getElementById("jump-date").value;
    var days = document.querySelectorAll(".days a[data-date]");
    if (!wanted || days.length === 0) return;
    var target = days[days.length - 1];
    for (var i = 0; i < days.length; i++) {
      if (days[i].getAttribute("data-date") >= wanted) { target = days[i]; break; }
    }
    window.location.href = target.getAttribute("href");
  });
})();

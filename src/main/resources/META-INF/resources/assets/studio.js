// Imprimatur Studio: everything works without this file; it only asks before unsaved changes are
// left behind, and sends the CSRF token with htmx requests.
(function () {
  "use strict";
  var dirty = false;
  document.addEventListener("input", function (event) {
    if (event.target.closest("form[data-unsaved-warning]")) { dirty = true; }
  });
  document.addEventListener("submit", function (event) {
    if (event.target.matches("form[data-unsaved-warning]")) { dirty = false; }
  });
  window.addEventListener("beforeunload", function (event) {
    if (dirty) { event.preventDefault(); event.returnValue = ""; }
  });
  document.addEventListener("htmx:configRequest", function (event) {
    var token = document.querySelector("input[name='csrf-token']");
    if (token) { event.detail.headers["X-CSRF-TOKEN"] = token.value; }
  });
})();

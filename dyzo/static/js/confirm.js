// Asks before a destructive form is sent: <form data-confirm="Remove …?">. Without JavaScript
// the form is sent as is; the server still applies its rules.
(function () {
  "use strict";
  document.addEventListener("submit", function (event) {
    var form = event.target;
    var question = form.getAttribute && form.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);
})();

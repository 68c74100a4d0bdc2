// Turns every select[data-search-url] into a searchable field (Tom Select) that loads its
// options from the URL as the user types; the page only renders the chosen option.
(function () {
  "use strict";
  if (!window.TomSelect) {
    return;
  }
  function setUp(select) {
    if (select.tomselect) {
      return;
    }
    var url = select.getAttribute("data-search-url");
    // Tom Select points the label at its own input; the hidden select keeps a name too.
    var label = select.id && document.querySelector('label[for="' + select.id + '"]');
    if (label) {
      select.setAttribute("aria-label", label.textContent.replace(/:\s*$/, "").trim());
    }
    new window.TomSelect(select, {
      valueField: "value",
      labelField: "text",
      // The server searched; the label holds the name and the NIS code the user may type.
      searchField: ["text"],
      maxOptions: 50,
      preload: "focus",
      loadThrottle: 250,
      load: function (query, callback) {
        var separator = url.indexOf("?") === -1 ? "?" : "&";
        fetch(url + separator + "q=" + encodeURIComponent(query), { credentials: "same-origin" })
          .then(function (response) { return response.json(); })
          .then(function (data) { callback(data.results); })
          .catch(function () { callback(); });
      },
      onChange: function () {
        // htmx listens for "change" on the form; Tom Select changes the hidden select.
        select.dispatchEvent(new Event("change", { bubbles: true }));
      },
    });
  }
  function setUpAll(root) {
    root.querySelectorAll("select[data-search-url]").forEach(setUp);
  }
  setUpAll(document);
  document.addEventListener("htmx:afterSwap", function (event) { setUpAll(event.target); });
})();

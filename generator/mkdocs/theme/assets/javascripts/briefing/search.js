// Pagefind's UI in Material's search dialog (partials/search.html, Pagefind mode only): a file, not an inline
// script, so that the Content-Security-Policy can refuse every inline script.
(function () {
  var box = document.getElementById("briefing-search");
  var toggle = document.getElementById("__search");
  if (!box || !toggle || box.dataset.ready) return;
  box.dataset.ready = "1";
  // Absolute once, from this page's address: the header survives instant navigation, and a site under a
  // sub-path (GitHub Pages: /<repository>/) keeps its prefix in every result link.
  var root = new URL(box.dataset.root, location.href).pathname;
  var bundle = new URL(box.dataset.bundle, location.href).pathname;
  var started = false;
  function focus() {
    var input = box.querySelector("input");
    if (input) input.focus();
  }
  function start() {
    if (started) return focus();
    started = true;
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = bundle + "pagefind-ui.css";
    document.head.appendChild(css);
    var script = document.createElement("script");
    script.src = bundle + "pagefind-ui.js";
    script.onload = function () {
      new PagefindUI({
        element: "#briefing-search", bundlePath: bundle, baseUrl: root, showSubResults: true,
        showImages: false, resetStyles: false, autofocus: true
      });
      // Pagefind's input has a placeholder but no label: a screen reader names it from the partial's data-label
      var input = box.querySelector("input");
      if (input && box.dataset.label) input.setAttribute("aria-label", box.dataset.label);
      focus();
    };
    document.head.appendChild(script);
  }
  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    start();
  }
  toggle.addEventListener("change", function () { if (toggle.checked) start(); });
  var opener = box.parentNode.querySelector(".briefing-search__opener input");
  // The form has no action: Enter in the opener opens the dialog instead of loading a page (or running a
  // javascript: URL, which the Content-Security-Policy refuses).
  opener.form.addEventListener("submit", function (event) {
    event.preventDefault();
    open();
  });
  opener.addEventListener("focus", open);
  opener.addEventListener("click", open);
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    if (event.key === "/" || event.key === "s" || event.key === "f") {
      event.preventDefault();
      open();
    } else if (event.key === "Escape" && toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  });
  box.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  });
})();

// Dependent form fields (progressive enhancement, no inline script: CSP allows scripts from this origin only).
// The server renders every field and validates every request; this file only reacts to choices in the browser,
// without a reload and without losing what was typed:
//  - data-show-when="controlId=A|B" on a block: shown only while the control's value is A or B; its inputs are
//    disabled while hidden (so they are not posted) and keep their values for when the block comes back.
//  - data-filter-by="controlId" on a <select>: its options with data-group="X" are offered only while the control's
//    value is X (options without data-group always); a selection that no longer fits moves to the first that does.
(function () {
  "use strict";

  function valueOf(id) {
    var el = document.getElementById(id);
    return el ? el.value : null;
  }

  function applyShowWhen(block) {
    var spec = block.getAttribute("data-show-when");
    var eq = spec.indexOf("=");
    if (eq < 0) return;
    var allowed = spec.substring(eq + 1).split("|");
    var show = allowed.indexOf(valueOf(spec.substring(0, eq))) >= 0;
    block.hidden = !show;
    block.querySelectorAll("input, select, textarea").forEach(function (c) { c.disabled = !show; });
  }

  function applyFilter(select) {
    var group = valueOf(select.getAttribute("data-filter-by"));
    var firstFit = null, selectedFits = false;
    Array.prototype.forEach.call(select.options, function (o) {
      var g = o.getAttribute("data-group");
      var fits = g === null || g === group;
      o.hidden = !fits;
      o.disabled = !fits || o.hasAttribute("data-disabled");
      if (fits && !o.disabled && firstFit === null && o.value !== "") firstFit = o;
      if (fits && o.selected) selectedFits = true;
    });
    if (!selectedFits && firstFit) firstFit.selected = true;
  }

  function refresh() {
    document.querySelectorAll("[data-filter-by]").forEach(applyFilter);
    document.querySelectorAll("[data-show-when]").forEach(applyShowWhen);
  }

  document.addEventListener("change", function (e) {
    if (e.target && e.target.id) refresh();
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", refresh);
  else refresh();
})();

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

// Row editors (Platform/UI/RowEditor.razor): <fieldset data-row-editor> holding <tr data-row> rows whose controls are
// named Prefix[i].Field. Without this script every row and the blank spare rows are posted as they are (blank rows are
// ignored by the server). With it: the spare rows go (one stays when there is no row), Add appends a blank row, Remove
// takes a row out, Up/Down move it, and after each change the rows' names are renumbered 0, 1, 2 … so they post in order.
(function () {
  "use strict";

  function renumber(body) {
    Array.prototype.forEach.call(body.querySelectorAll("[data-row]"), function (row, i) {
      row.querySelectorAll("[name]").forEach(function (c) {
        c.name = c.name.replace(/\[\d+\](?=\.[^\[\]]*$)/, "[" + i + "]");
      });
    });
  }

  // A blank row is enabled: the template is cloned at start, possibly from a row inside a hidden data-show-when block
  // (whose controls are disabled then), and Add is only reachable while its block is shown.
  function clear(row) {
    row.querySelectorAll("input, select, textarea").forEach(function (c) {
      c.disabled = false;
      if (c.type === "checkbox" || c.type === "radio") c.checked = false;
      else if (c.tagName === "SELECT") c.selectedIndex = 0;
      else c.value = "";
    });
    row.removeAttribute("data-row-spare");
    return row;
  }

  function init(editor) {
    var body = editor.querySelector("tbody");
    var first = body && body.querySelector("[data-row]");
    if (!first) return;
    var template = clear(first.cloneNode(true));
    var filled = body.querySelectorAll("[data-row]:not([data-row-spare])").length;
    Array.prototype.forEach.call(body.querySelectorAll("[data-row-spare]"), function (r, i) {
      if (filled > 0 || i > 0) r.remove();
    });
    editor.querySelectorAll("[data-row-add], [data-row-up], [data-row-down], [data-row-remove]").forEach(function (b) { b.hidden = false; });
    editor.querySelectorAll("[data-row-fallback]").forEach(function (p) { p.hidden = true; });
    template.querySelectorAll("[data-row-up], [data-row-down], [data-row-remove]").forEach(function (b) { b.hidden = false; });
    renumber(body);

    editor.addEventListener("click", function (e) {
      var button = e.target.closest ? e.target.closest("button") : null;
      if (!button || !editor.contains(button)) return;
      var row = button.closest("[data-row]");
      if (button.hasAttribute("data-row-add")) {
        var added = template.cloneNode(true);
        body.appendChild(added);
        renumber(body);
        var control = added.querySelector("input, select, textarea");
        if (control) control.focus();
        return;
      }
      if (!row) return;
      if (button.hasAttribute("data-row-remove")) {
        var next = row.nextElementSibling || row.previousElementSibling;
        if (body.querySelectorAll("[data-row]").length > 1) row.remove(); else { clear(row); next = row; }
        renumber(body);
        var focus = next ? next.querySelector("[data-row-remove]") : editor.querySelector("[data-row-add]");
        if (focus) focus.focus();
        return;
      }
      if (button.hasAttribute("data-row-up") && row.previousElementSibling) body.insertBefore(row, row.previousElementSibling);
      else if (button.hasAttribute("data-row-down") && row.nextElementSibling) body.insertBefore(row.nextElementSibling, row);
      else return;
      renumber(body);
      button.focus();
    });
  }

  function start() { document.querySelectorAll("[data-row-editor]").forEach(init); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

// Wide tables on narrow screens scroll sideways inside their own box (site.css); a box that scrolls is made focusable
// (tabindex 0) so keyboard users can scroll it too (WCAG 2.1.1, axe scrollable-region-focusable), and only while it scrolls.
(function () {
  "use strict";

  function mark() {
    document.querySelectorAll("table.table").forEach(function (t) {
      if (t.scrollWidth > t.clientWidth + 1) t.setAttribute("tabindex", "0");
      else if (t.getAttribute("tabindex") === "0") t.removeAttribute("tabindex");
    });
  }

  var pending = null;
  window.addEventListener("resize", function () {
    if (pending) clearTimeout(pending);
    pending = setTimeout(mark, 100);
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mark);
  else mark();
})();

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

// Organisation picker (ARIA combobox, e.g. the contract's other party): <div data-org-picker="hiddenId" data-api="…"
// data-exclude="own org id" data-none="…" data-found="… {0} …"> holding the hidden id input and a hidden box with the text
// input (role=combobox), its listbox and a status line. Without this script the box stays hidden and the form posts the
// id it was rendered with (the party is then entered by hand). With it: typing part of a name (Chinese or English) or of
// a credit code asks the organisations list API for a short page; ArrowDown/ArrowUp move through the matches, Enter or a
// click chooses one (its id goes into the hidden input, which fires change so data-show-when blocks follow), Escape
// closes the list; editing the text drops the chosen id. The server checks the posted id again on save.
(function () {
  "use strict";

  var PAGE = 10;

  function init(box) {
    var hidden = document.getElementById(box.getAttribute("data-org-picker"));
    var wrap = box.querySelector("[data-org-picker-box]");
    var input = box.querySelector("[role=combobox]");
    var list = box.querySelector("[role=listbox]");
    var status = box.querySelector("[data-org-picker-status]");
    if (!hidden || !wrap || !input || !list) return;
    var exclude = box.getAttribute("data-exclude") || "";
    var english = (document.documentElement.lang || "").toLowerCase().indexOf("en") === 0;
    var items = [], active = -1, timer = null, seq = 0;
    wrap.hidden = false;

    function setId(value) {
      if (hidden.value === value) return;
      hidden.value = value;
      hidden.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(i) {
      active = i;
      Array.prototype.forEach.call(list.children, function (li, k) { li.setAttribute("aria-selected", k === i ? "true" : "false"); });
      var li = list.children[i];
      if (li) { input.setAttribute("aria-activedescendant", li.id); li.scrollIntoView({ block: "nearest" }); }
    }

    function choose(i) {
      var o = items[i];
      if (!o) return;
      input.value = o.name;
      setId(o.id);
      close();
      if (status) status.textContent = "";
    }

    function label(o) {
      var name = english && o.nameEn ? o.nameEn : o.nameZh;
      return { id: o.id, name: name, detail: o.creditCode || "" };
    }

    function render(found) {
      items = found;
      list.textContent = "";
      found.forEach(function (o, i) {
        var li = document.createElement("li");
        li.id = list.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.appendChild(document.createTextNode(o.name));
        if (o.detail) {
          var small = document.createElement("small");
          small.className = "muted";
          small.textContent = " " + o.detail;
          li.appendChild(small);
        }
        li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(i); });
        list.appendChild(li);
      });
      if (found.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); active = -1; }
      else close();
      if (status) status.textContent = found.length
        ? (box.getAttribute("data-found") || "").replace("{0}", String(found.length))
        : (box.getAttribute("data-none") || "");
    }

    function search() {
      var q = input.value.trim();
      var mine = ++seq;
      if (!q) { render([]); if (status) status.textContent = ""; return; }
      fetch(box.getAttribute("data-api") + "?pageSize=" + (PAGE + 1) + "&q=" + encodeURIComponent(q),
        { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (page) {
          if (mine !== seq || !page || !page.items) return;
          render(page.items.filter(function (o) { return o.id !== exclude; }).slice(0, PAGE).map(label));
        })
        .catch(function () { });
    }

    input.addEventListener("input", function () {
      setId("");
      if (timer) clearTimeout(timer);
      timer = setTimeout(search, 200);
    });
    input.addEventListener("keydown", function (e) {
      var open = !list.hidden && items.length > 0;
      if (e.key === "ArrowDown") {
        e.preventDefault();
        if (!open) { search(); return; }
        highlight(active < items.length - 1 ? active + 1 : 0);
      } else if (e.key === "ArrowUp") {
        if (!open) return;
        e.preventDefault();
        highlight(active > 0 ? active - 1 : items.length - 1);
      } else if (e.key === "Enter") {
        if (!open) return;
        e.preventDefault(); // choosing does not submit the form
        choose(active >= 0 ? active : 0);
      } else if (e.key === "Escape" && open) {
        e.preventDefault();
        close();
      }
    });
    input.addEventListener("blur", function () { close(); });
  }

  function start() { document.querySelectorAll("[data-org-picker]").forEach(init); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

/* Institutions ticked for comparison: kept in localStorage so the choice survives paging and searching,
 * shown in the compare bar, and opened as /institutions/compare/?ids=… (a URL that can be shared).
 * The page's text comes from the template (translated); this file holds no interface strings. */
(function () {
  "use strict";

  var KEY = "ipp.compare.institutions";

  function load() {
    try {
      var saved = JSON.parse(window.localStorage.getItem(KEY) || "[]");
      return Array.isArray(saved)
        ? saved.filter(function (item) { return item && /^\d+$/.test(String(item.id)); })
        : [];
    } catch (error) {
      return [];
    }
  }

  function save(selection) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(selection));
    } catch (error) {
      /* Private browsing without storage: the selection lasts for this page only. */
    }
  }

  function indexOf(selection, id) {
    for (var i = 0; i < selection.length; i += 1) {
      if (String(selection[i].id) === String(id)) { return i; }
    }
    return -1;
  }

  function syncFromComparisonPage() {
    var table = document.getElementById("comparison");
    if (!table) { return; }
    var selection = [];
    table.querySelectorAll("thead th[data-institution]").forEach(function (cell) {
      var link = cell.querySelector("a");
      selection.push({ id: cell.getAttribute("data-institution"), name: link ? link.textContent : "" });
    });
    save(selection);
  }

  function setUpBar(bar) {
    var max = parseInt(bar.getAttribute("data-max"), 10) || 4;
    var url = bar.getAttribute("data-compare-url");
    var count = document.getElementById("compare-count");
    var names = document.getElementById("compare-names");
    var link = document.getElementById("compare-link");
    var message = document.getElementById("compare-message");
    var toggles = document.querySelectorAll("input.compare-toggle");

    function render(selection) {
      bar.hidden = selection.length === 0;
      count.textContent = String(selection.length);
      names.textContent = "";
      selection.forEach(function (item) {
        var entry = document.createElement("li");
        entry.className = "list-inline-item";
        entry.textContent = item.name;
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "btn btn-link btn-sm p-0 ms-1";
        remove.textContent = "×";
        remove.setAttribute("aria-label", bar.getAttribute("data-remove-label") + " " + item.name);
        remove.addEventListener("click", function () { change(item.id, item.name, false); });
        entry.appendChild(remove);
        names.appendChild(entry);
      });
      link.href = url + "?ids=" + selection.map(function (item) { return item.id; }).join(",");
      toggles.forEach(function (toggle) { toggle.checked = indexOf(selection, toggle.value) >= 0; });
    }

    function change(id, name, wanted) {
      var selection = load();
      var position = indexOf(selection, id);
      message.textContent = "";
      if (wanted && position < 0) {
        if (selection.length >= max) {
          message.textContent = bar.getAttribute("data-full-message");
        } else {
          selection.push({ id: String(id), name: name });
        }
      } else if (!wanted && position >= 0) {
        selection.splice(position, 1);
      }
      save(selection);
      render(selection);
    }

    toggles.forEach(function (toggle) {
      toggle.closest(".compare-choice").hidden = false;
      toggle.addEventListener("change", function () {
        change(toggle.value, toggle.getAttribute("data-name"), toggle.checked);
      });
    });
    document.getElementById("compare-clear").addEventListener("click", function () {
      save([]);
      message.textContent = "";
      render([]);
    });
    window.addEventListener("storage", function (event) {
      if (event.key === KEY) { render(load()); }
    });
    render(load());
  }

  syncFromComparisonPage();
  var bar = document.getElementById("compare-bar");
  if (bar) { setUpBar(bar); }
}());

// Completions for search boxes: any form with data-suggest-url and an input named "q".
(function () {
  "use strict";

  function attach(form) {
    var input = form.querySelector('input[name="q"]');
    var list = form.querySelector(".search-suggestions");
    if (!input || !list) return;
    var timer = null;
    var active = -1;
    var lastTerm = "";

    function close() {
      list.classList.add("d-none");
      list.innerHTML = "";
      active = -1;
      input.setAttribute("aria-expanded", "false");
    }

    function choose(text) {
      input.value = text;
      close();
      form.submit();
    }

    function render(items) {
      list.innerHTML = "";
      active = -1;
      if (!items.length) return close();
      items.forEach(function (text, index) {
        var item = document.createElement("li");
        item.className = "list-group-item list-group-item-action";
        item.setAttribute("role", "option");
        item.id = "search-suggestion-" + index;
        item.textContent = text;
        item.addEventListener("mousedown", function (event) {
          event.preventDefault();
          choose(text);
        });
        list.appendChild(item);
      });
      list.classList.remove("d-none");
      input.setAttribute("aria-expanded", "true");
    }

    function fetchSuggestions() {
      var term = input.value.trim();
      if (term === lastTerm) return;
      lastTerm = term;
      if (!term) return close();
      var url = form.dataset.suggestUrl + "?q=" + encodeURIComponent(term);
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
        .then(function (data) { if (input.value.trim() === term) render(data.suggestions || []); })
        .catch(close);
    }

    function move(step) {
      var items = list.querySelectorAll("li");
      if (!items.length) return;
      if (active >= 0) items[active].classList.remove("active");
      active = (active + step + items.length) % items.length;
      items[active].classList.add("active");
      input.setAttribute("aria-activedescendant", items[active].id);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(fetchSuggestions, 150);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") { event.preventDefault(); move(1); }
      else if (event.key === "ArrowUp") { event.preventDefault(); move(-1); }
      else if (event.key === "Escape") { close(); }
      else if (event.key === "Enter" && active >= 0) {
        event.preventDefault();
        choose(list.querySelectorAll("li")[active].textContent);
      }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  document.querySelectorAll("form[data-suggest-url]").forEach(attach);
})();

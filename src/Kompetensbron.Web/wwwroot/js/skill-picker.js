// Progressive enhancement for Pages/Shared/_SkillPicker.cshtml: search as you type through
// /api/v1/taxonomy/skills and show the hits as the same check boxes the server renders after "Search".
(function () {
  'use strict';
  document.querySelectorAll('[data-skill-picker]').forEach(function (picker) {
    var input = picker.querySelector('[data-skill-query]');
    var results = picker.querySelector('[data-skill-results]');
    var legend = results.querySelector('legend');
    var timer = 0;
    var latest = 0;

    function show(hits) {
      results.replaceChildren(legend);
      if (hits.length === 0) {
        var none = document.createElement('p');
        none.textContent = picker.dataset.none;
        results.appendChild(none);
      }
      hits.forEach(function (hit, i) {
        var row = document.createElement('div');
        row.className = 'checkbox';
        var box = document.createElement('input');
        box.type = 'checkbox';
        box.id = input.id + '-add-' + i;
        box.name = picker.dataset.addName;
        box.value = hit.id;
        var label = document.createElement('label');
        label.htmlFor = box.id;
        label.textContent = hit.label;
        row.append(box, label);
        results.appendChild(row);
      });
    }

    input.addEventListener('input', function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) {
        return;
      }
      timer = setTimeout(function () {
        var ask = ++latest;
        fetch('/api/v1/taxonomy/skills?limit=8&q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } })
          .then(function (response) { return response.ok ? response.json() : []; })
          .then(function (hits) { if (ask === latest) { show(hits); } })
          .catch(function () { /* The search button still works. */ });
      }, 250);
    });
  });
}());

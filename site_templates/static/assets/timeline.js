/* Timeline filters: narrow the events in place by actor, topic and kind of date.
 *
 * The page works without this file: every event shows. The choices come from the JSON the
 * generator wrote (#timeline-filters), each event carries ids in data-actors, data-topics and
 * data-date, and the filter lives in the address (?actor=russia&topic=...&date=exact), so a
 * filtered view can be shared and survives a reload.
 */
(function () {
  "use strict";

  var slot = document.getElementById("timeline-filter");
  var data = document.getElementById("timeline-filters");
  if (!slot || !data) return;

  var choices = JSON.parse(data.textContent);
  var items = Array.prototype.slice.call(document.querySelectorAll("li[data-date]"));
  var fields = [
    { name: "actor", attr: "actors", label: "Actor", all: "All actors", options: choices.actors },
    { name: "topic", attr: "topics", label: "Topic", all: "All topics", options: choices.topics },
    {
      name: "date", attr: "date", label: "Date", all: "Exact and approximate",
      options: [["exact", "Exact dates only"], ["approximate", "Approximate dates only"]]
    }
  ];

  var form = document.createElement("form");
  form.className = "timeline-filter__form";
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", "Filter the timeline");
  form.addEventListener("submit", function (event) { event.preventDefault(); });

  fields.forEach(function (field) {
    var label = document.createElement("label");
    var select = document.createElement("select");
    select.name = field.name;
    select.id = "timeline-filter-" + field.name;
    label.htmlFor = select.id;
    label.textContent = field.label;
    select.appendChild(new Option(field.all, ""));
    field.options.forEach(function (option) {
      var text = option.length > 2 ? option[1] + " (" + option[2] + ")" : option[1];
      select.appendChild(new Option(text, option[0]));
    });
    var group = document.createElement("span");
    group.className = "timeline-filter__field";
    group.appendChild(label);
    group.appendChild(select);
    form.appendChild(group);
    field.select = select;
  });

  var reset = document.createElement("button");
  reset.type = "button";
  reset.className = "md-button timeline-filter__reset";
  reset.textContent = "Show all";
  form.appendChild(reset);

  var status = document.createElement("p");
  status.className = "timeline-filter__status";
  status.setAttribute("role", "status");
  form.appendChild(status);
  slot.appendChild(form);

  function has(item, field, value) {
    return (item.getAttribute("data-" + field.attr) || "").split(" ").indexOf(value) !== -1;
  }

  function apply() {
    var shown = 0;
    items.forEach(function (item) {
      var match = fields.every(function (field) {
        return !field.select.value || has(item, field, field.select.value);
      });
      item.hidden = !match;
      if (match) shown += 1;
    });
    // A year with nothing left to show hides its heading, its list, and its links in the
    // year index and the table of contents.
    Array.prototype.forEach.call(document.querySelectorAll("h2[id^='year-']"), function (heading) {
      var list = heading.nextElementSibling;
      var empty = !list || !list.querySelector("li[data-date]:not([hidden])");
      heading.hidden = empty;
      if (list) list.hidden = empty;
      var links = document.querySelectorAll(".year-index a[href='#" + heading.id + "'], .md-nav__link[href='#" + heading.id + "']");
      Array.prototype.forEach.call(links, function (link) {
        var item = link.closest(".md-nav__item") || link;
        item.hidden = empty;
      });
    });
    status.textContent = shown === items.length
      ? "Showing all " + items.length + " events."
      : "Showing " + shown + " of " + items.length + " events.";
    reset.hidden = shown === items.length;
  }

  function save() {
    var params = new URLSearchParams(window.location.search);
    fields.forEach(function (field) {
      if (field.select.value) params.set(field.name, field.select.value);
      else params.delete(field.name);
    });
    var query = params.toString();
    var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(window.history.state, "", address);
  }

  function load() {
    var params = new URLSearchParams(window.location.search);
    fields.forEach(function (field) {
      var value = params.get(field.name) || "";
      var known = Array.prototype.some.call(field.select.options, function (option) {
        return option.value === value;
      });
      field.select.value = known ? value : "";
    });
  }

  form.addEventListener("change", function () { apply(); save(); });
  reset.addEventListener("click", function () {
    fields.forEach(function (field) { field.select.value = ""; });
    apply();
    save();
  });
  window.addEventListener("popstate", function () { load(); apply(); });

  load();
  apply();
})();

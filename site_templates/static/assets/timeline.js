/* List filters: narrow the events of the timeline, or the briefings of the index, in place,
 * by actor, topic and (events only) kind of date.
 *
 * The page works without this file: every item shows. The choices come from the JSON the
 * generator wrote (#timeline-filters): [id, name, count] for each actor and topic on the page,
 * "items" (what the list holds, "events" unless said), "dates": false where there is no kind
 * of date to filter on, and "partial": true on the page of one year or month, whose choices
 * are only the actors and topics it holds. Each item carries ids in data-actors and
 * data-topics (and data-date), and the filter lives in the address (?actor=russia&topic=...),
 * so a filtered view can be shared, survives a reload, and goes along the links marked
 * .filter-link to the pages of the other years and months. The drawing above the list
 * (.timeline-svg) shows what the list shows: each of its marks names an item's
 * #event-… anchor in data-event, and hides while that item is hidden.
 */
(function () {
  "use strict";

  var slot = document.getElementById("timeline-filter");
  var data = document.getElementById("timeline-filters");
  if (!slot || !data) return;

  var choices = JSON.parse(data.textContent);
  var noun = choices.items || "events";
  var items = Array.prototype.slice.call(document.querySelectorAll("li[data-actors]"));
  // Each mark of the drawing with the item it links to; an event drawn at two dates has two marks.
  var marks = Array.prototype.map.call(document.querySelectorAll(".timeline-svg a[data-event]"), function (mark) {
    var anchor = document.getElementById(mark.getAttribute("data-event"));
    return { mark: mark, item: anchor && anchor.closest("li") };
  });
  var disputed = document.querySelectorAll(".timeline-svg .tl-disputed");
  var fields = [
    { name: "actor", attr: "actors", label: "Actor", all: "All actors", options: choices.actors },
    { name: "topic", attr: "topics", label: "Topic", all: "All topics", options: choices.topics }
  ];
  if (choices.dates !== false) {
    fields.push({
      name: "date", attr: "date", label: "Date", all: "Exact and approximate",
      options: [["exact", "Exact dates only"], ["approximate", "Approximate dates only"]]
    });
  }
  var ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  var AXIS_MARGIN = 40; // drawing units beside the marks left by a filter: room for their year's label
  // The names of actors and topics chosen on another page, for a page that does not hold them.
  var NAMES = "briefing-filter-names";

  var form = document.createElement("form");
  form.className = "timeline-filter__form";
  form.setAttribute("role", "search");
  form.setAttribute("aria-label", noun === "events" ? "Filter the timeline" : "Filter the " + noun);
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

  function names() {
    try {
      return JSON.parse(window.sessionStorage.getItem(NAMES) || "{}");
    } catch (error) {
      return {};
    }
  }

  function remember() {
    var known = names();
    fields.forEach(function (field) {
      var option = field.select.selectedOptions[0];
      if (field.select.value && option && !option.hasAttribute("data-absent")) {
        known[field.name + ":" + field.select.value] = option.text.replace(/ \(\d+\)$/, "");
      }
    });
    try {
      window.sessionStorage.setItem(NAMES, JSON.stringify(known));
    } catch (error) { /* private browsing: the id shows instead of the name */ }
  }

  // A filtered drawing shows the stretch of its axis that holds the marks left, at the same
  // scale (a mark keeps its size): years with none of them no longer take the room.
  function fitAxis(svg) {
    var full = (svg.getAttribute("data-full-box") || svg.getAttribute("viewBox")).split(" ").map(Number);
    svg.setAttribute("data-full-box", full.join(" "));
    var all = svg.querySelectorAll(".tl-marks a");
    var shown = svg.querySelectorAll(".tl-marks a:not(.tl-hidden)");
    var left = full[0], right = full[0] + full[2];
    if (shown.length && shown.length < all.length) {
      left = Infinity;
      right = -Infinity;
      Array.prototype.forEach.call(shown, function (mark) {
        var box = mark.getBBox();
        left = Math.min(left, box.x);
        right = Math.max(right, box.x + box.width);
      });
      left = Math.max(full[0], left - AXIS_MARGIN);
      right = Math.min(full[0] + full[2], right + AXIS_MARGIN);
    }
    svg.setAttribute("viewBox", [left, full[1], right - left, full[3]].join(" "));
    svg.setAttribute("width", String(right - left));
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
    marks.forEach(function (drawn) {
      drawn.mark.classList.toggle("tl-hidden", Boolean(drawn.item && drawn.item.hidden));
    });
    Array.prototype.forEach.call(disputed, function (group) {
      group.classList.toggle("tl-hidden", !group.querySelector("a:not(.tl-hidden)"));
    });
    Array.prototype.forEach.call(document.querySelectorAll("svg.timeline-svg"), fitAxis);
    // A year with nothing left to show hides its heading, its list, and its links in the
    // year index and the table of contents.
    Array.prototype.forEach.call(document.querySelectorAll("h2[id^='year-']"), function (heading) {
      // What follows the heading: the box of its part (generator/pages/sections.py), or, in a site
      // another builder made, the drawing and the list themselves.
      var part = heading.nextElementSibling;
      if (part && !part.classList.contains("page-section")) part = null;
      var list = part ? part.firstElementChild : heading.nextElementSibling;
      while (list && list.tagName !== "UL" && list.tagName !== "H2") list = list.nextElementSibling; // past a drawing
      if (list && list.tagName !== "UL") list = null;
      var empty = !list || !list.querySelector("li[data-actors]:not([hidden])");
      heading.hidden = empty;
      if (list) list.hidden = empty;
      var links = document.querySelectorAll(".year-index a[href='#" + heading.id + "'], .md-nav__link[href='#" + heading.id + "']");
      Array.prototype.forEach.call(links, function (link) {
        var item = link.closest(".md-nav__item") || link;
        item.hidden = empty;
      });
    });
    var total = items.length + " " + (items.length === 1 ? noun.replace(/s$/, "") : noun); // one is singular
    if (!items.length) status.textContent = "";
    else if (shown === items.length) status.textContent = "Showing " + (shown === 1 ? "the " : "all ") + total + ".";
    else status.textContent = "Showing " + shown + " of " + total + ".";
    reset.hidden = fields.every(function (field) { return !field.select.value; });
  }

  function query() {
    var params = new URLSearchParams(window.location.search);
    fields.forEach(function (field) {
      if (field.select.value) params.set(field.name, field.select.value);
      else params.delete(field.name);
    });
    return params.toString();
  }

  // The links to the other pages of the list keep the filter.
  function carry(search) {
    Array.prototype.forEach.call(document.querySelectorAll("a.filter-link"), function (link) {
      var target = new URL(link.href, window.location.href);
      target.search = search;
      link.href = target.href;
    });
  }

  function save() {
    var search = query();
    var address = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
    window.history.replaceState(window.history.state, "", address);
    carry(search);
    remember();
  }

  function load() {
    var params = new URLSearchParams(window.location.search);
    var known = names();
    fields.forEach(function (field) {
      var value = params.get(field.name) || "";
      var listed = Array.prototype.some.call(field.select.options, function (option) {
        return option.value === value;
      });
      // On the page of a year or a month, an actor or topic it does not hold is still a filter:
      // it shows that page has none of theirs, and the links keep it for the next page.
      if (!listed && choices.partial && ID.test(value) && field.name !== "date") {
        var absent = new Option((known[field.name + ":" + value] || value) + " (0)", value);
        absent.setAttribute("data-absent", "");
        field.select.appendChild(absent);
        listed = true;
      }
      field.select.value = listed ? value : "";
    });
  }

  form.addEventListener("change", function () { apply(); save(); });
  reset.addEventListener("click", function () {
    fields.forEach(function (field) { field.select.value = ""; });
    apply();
    save();
  });
  window.addEventListener("popstate", function () { load(); apply(); carry(query()); });

  load();
  apply();
  carry(query());
  remember();
})();

// Site search with Pagefind, in mkdocs-material's search box (partials/search.html).
//
// Pagefind's script and index (pagefind/, written by generator/search.py) load only when a reader
// opens search, and then only the pieces of the index a query needs. Results use the theme's
// markup and classes. Titles and filter values are inserted as text; Pagefind's excerpts are
// escaped text with <mark> around the words found, and are rebuilt node by node, never as HTML.
(() => {
  "use strict";

  const dialog = document.querySelector("[data-briefing-search]");
  const toggle = document.getElementById("__search");
  if (!dialog || !toggle) return;
  const form = dialog.querySelector("form");
  const input = dialog.querySelector(".md-search__input");
  const scrollwrap = dialog.querySelector(".md-search__scrollwrap");
  const filterBar = dialog.querySelector(".md-search-filters");
  const meta = dialog.querySelector(".md-search-result__meta");
  const list = dialog.querySelector(".md-search-result__list");

  const config = JSON.parse(document.getElementById("__config").textContent);
  const translate = (key, count) => config.translations[key].replace("#", String(count));
  const initializing = meta.textContent.trim(); // the theme's "Initializing search"
  // Pages live at different depths: the theme's base URL ("../..") leads to the site's root.
  const siteRoot = new URL(`${config.base.replace(/\/$/, "")}/`, location.href);

  const FILTERS = [
    ["type", "Type"],
    ["kind", "Actor kind"],
    ["topic", "Topic"],
  ];
  // Pagefind boosts a page whose metadata holds the words searched, by field: a title 5 times (its
  // default), a profile's names and aliases (the theme's "names" field) 10 times, so that searching
  // an actor's name or alias puts its profile before a briefing with that word in its headline.
  const RANKING = { title: 5, names: 10 };
  const PAGE_SIZE = 10; // results shown at once; more as the reader scrolls
  const SECTIONS = 3; // sections of a page shown under it, the best first
  // A query runs once the reader stops typing for this long. Pagefind's own debouncedSearch
  // fetches the index pieces of every prefix typed on the way ("a", "ak"...), and a one- or
  // two-letter prefix's piece holds the most common words: it is the heaviest of all.
  const PAUSE_MS = 150;

  let pagefind = null; // a promise of the module, once search was opened
  let pending = []; // results not shown yet
  let generation = 0; // the latest search; an older one that finishes late is dropped

  function load() {
    if (!pagefind) {
      meta.textContent = initializing;
      // The filters' values and counts come from a small file beside the index (search.FILTERS):
      // Pagefind's filters() would fetch the pages of every value first.
      const counts = fetch(new URL("pagefind/filter-counts.json", siteRoot)).then((response) => {
        if (!response.ok) throw new Error(`${response.status} ${response.url}`);
        return response.json();
      });
      pagefind = import(new URL("pagefind/pagefind.js", siteRoot).href).then(async (module) => {
        await module.options({ baseUrl: siteRoot.pathname, excerptLength: 24, ranking: { metaWeights: RANKING } });
        await module.init();
        showFilters(await counts);
        if (!input.value) meta.textContent = translate("search.result.placeholder");
        return module;
      });
      pagefind.catch(() => {
        meta.textContent = "Search is not available: the index did not load.";
        pagefind = null;
      });
    }
    return pagefind;
  }

  function showFilters(available) {
    for (const [name, label] of FILTERS) {
      const counts = available[name] || {};
      const values = Object.keys(counts).sort((a, b) => a.localeCompare(b));
      if (values.length === 0) continue;
      const select = document.createElement("select");
      select.className = "md-search-filters__select";
      select.name = name;
      select.setAttribute("aria-label", label);
      select.add(new Option(`${label}: all`, ""));
      for (const value of values) select.add(new Option(`${value} (${counts[value]})`, value));
      select.addEventListener("change", search);
      filterBar.append(select);
    }
    filterBar.hidden = filterBar.childElementCount === 0;
  }

  function chosenFilters() {
    const chosen = {};
    for (const select of filterBar.querySelectorAll("select")) {
      if (select.value) chosen[select.name] = select.value;
    }
    return chosen;
  }

  // The list is aria-busy from a keystroke until the results of the latest query are all shown:
  // assistive technology then announces the results once, whole (and the tests wait for them so).
  async function search() {
    const current = ++generation;
    list.setAttribute("aria-busy", "true");
    try {
      await runSearch(current);
    } finally {
      if (current === generation) list.removeAttribute("aria-busy");
    }
  }

  async function runSearch(current) {
    const query = input.value.trim();
    const filters = chosenFilters();
    if (!query && Object.keys(filters).length === 0) {
      pending = [];
      list.replaceChildren();
      meta.textContent = pagefind ? translate("search.result.placeholder") : initializing;
      return;
    }
    const module = await load();
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    if (current !== generation) return; // the reader typed on
    const found = await module.search(query || null, { filters });
    if (current !== generation) return; // a newer query replaced this one
    pending = found.results;
    list.replaceChildren();
    const count = found.results.length;
    meta.textContent =
      count === 0
        ? translate("search.result.none")
        : translate(count === 1 ? "search.result.one" : "search.result.other", count);
    await showMore(current);
  }

  async function showMore(current) {
    const next = pending.splice(0, PAGE_SIZE);
    const pages = await Promise.all(next.map((result) => result.data()));
    if (current !== generation) return;
    list.append(...pages.map(resultItem));
  }

  // Material's markup: the page, then its best sections, each a link with a heading and an excerpt.
  function resultItem(page) {
    const item = element("li", "md-search-result__item");
    const document_ = link(page.url, "h1", page.meta.title || page.url, page.excerpt, true);
    const labels = [...(page.filters.type || []), ...(page.filters.kind || [])];
    if (labels.length) {
      const tags = element("nav", "md-tags");
      for (const label of labels) tags.append(element("span", "md-tag", label));
      document_.querySelector("article").append(tags);
    }
    item.append(document_);
    const sections = page.sub_results
      .filter((section) => section.anchor && section.anchor.element !== "h1" && section.url.includes("#"))
      .sort((a, b) => (b.locations || []).length - (a.locations || []).length)
      .slice(0, SECTIONS);
    for (const section of sections) item.append(link(section.url, "h2", section.title, section.excerpt, false));
    return item;
  }

  function link(href, heading, title, excerpt, isDocument) {
    const anchor = element("a", "md-search-result__link");
    anchor.href = href;
    const article = element("article", "md-search-result__article md-typeset");
    if (isDocument) {
      article.classList.add("md-search-result__article--document");
      article.append(element("div", "md-search-result__icon md-icon"));
    }
    const paragraph = element("p");
    paragraph.append(excerptNodes(excerpt || ""));
    article.append(element(heading, "", title), paragraph);
    anchor.append(article);
    return anchor;
  }

  function element(tag, className = "", text = "") {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // An excerpt is text with &-escapes and <mark> elements, nothing else: anything else means
  // text was not escaped, and the excerpt is shown as plain text, without highlights.
  function excerptNodes(excerpt) {
    const fragment = document.createDocumentFragment();
    const parts = excerpt.split(/(<mark>|<\/mark>)/);
    if (parts.some((part) => part !== "<mark>" && part !== "</mark>" && /[<>]/.test(part))) {
      fragment.append(excerpt.replace(/<\/?mark>/g, ""));
      return fragment;
    }
    let mark = null;
    for (const part of parts) {
      if (part === "<mark>") mark = document.createElement("mark");
      else if (part === "</mark>") {
        if (mark) fragment.append(mark);
        mark = null;
      } else (mark || fragment).append(decodeEntities(part));
    }
    if (mark) fragment.append(mark);
    return fragment;
  }

  const ENTITIES = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };

  function decodeEntities(text) {
    return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name) => {
      if (name[0] !== "#") return ENTITIES[name.toLowerCase()] ?? whole;
      const code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    });
  }

  // Opening and closing: the theme shows the dialog while its toggle (#__search) is checked.
  function open() {
    if (!toggle.checked) toggle.click();
    input.focus();
    input.select();
  }

  function close() {
    if (toggle.checked) toggle.click();
    input.blur();
  }

  function move(step) {
    const links = [...list.querySelectorAll(".md-search-result__link")];
    if (links.length === 0) return;
    const next = links.indexOf(document.activeElement) + step;
    if (next < 0) input.focus();
    else links[Math.min(next, links.length - 1)].focus();
  }

  toggle.addEventListener("change", () => {
    if (toggle.checked) {
      load();
      if (document.activeElement !== input) input.focus();
    }
  });
  input.addEventListener("focus", () => {
    if (!toggle.checked) toggle.click();
    load();
  });
  input.addEventListener("input", search);
  form.addEventListener("reset", () => setTimeout(search));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = list.querySelector(".md-search-result__link");
    if (first) first.click();
  });
  scrollwrap.addEventListener("scroll", () => {
    if (pending.length && scrollwrap.scrollTop + scrollwrap.clientHeight >= scrollwrap.scrollHeight - 100) {
      showMore(generation);
    }
  });
  // Focus that leaves the dialog (Tab past its last link, a click outside) closes it; a click on a
  // part of the dialog that takes no focus does not.
  let pressedInside = false;
  dialog.addEventListener("pointerdown", () => {
    pressedInside = true;
  });
  document.addEventListener("pointerup", () => {
    pressedInside = false;
  });
  dialog.addEventListener("focusout", (event) => {
    if (!toggle.checked || pressedInside || dialog.contains(event.relatedTarget)) return;
    close();
  });
  list.addEventListener("click", (event) => {
    // A link to a section of this very page does not reload it: close search to show the section.
    if (event.target.closest(".md-search-result__link")) close();
  });

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (!toggle.checked) {
      const isTyping = event.target instanceof Element && event.target.closest("input, textarea, select, [contenteditable]");
      if (!isTyping && (event.key === "/" || event.key === "s" || event.key === "f")) {
        event.preventDefault();
        open();
      }
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (event.target instanceof HTMLSelectElement) return;
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1);
    }
  });
})();

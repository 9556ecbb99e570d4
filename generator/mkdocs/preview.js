// Under `mkdocs serve` only (generator/mkdocs/preview.py): the content's errors over the page, or
// the warnings about the page's own file as a note. Every text is set as text, never as HTML.
(function () {
  "use strict";
  var script = document.currentScript;
  var problems = new URL("problems.json", script.src);
  var root = new URL("..", script.src).pathname; // this file is <site>/_preview/preview.js

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // A diagnostic as `check` prints it (file:line:col in bold), and the lines around it, the one it
  // is on marked, with a caret under its column.
  function diagnostic(shown) {
    var item = element("li", "preview-diagnostic");
    var said = element("p", "preview-said");
    said.appendChild(element("strong", "preview-where", shown.where));
    said.appendChild(document.createTextNode(": " + shown.severity + ": " + shown.message));
    item.appendChild(said);
    if (shown.lines.length) {
      var code = element("pre", "preview-lines");
      shown.lines.forEach(function (pair) {
        var at = pair[0] === shown.line;
        var row = element("span", at ? "preview-line preview-line--at" : "preview-line");
        row.appendChild(element("span", "preview-number", String(pair[0])));
        row.appendChild(element("span", "preview-text", pair[1] + "\n"));
        code.appendChild(row);
        if (at) {
          var caret = element("span", "preview-line preview-caret");
          caret.appendChild(element("span", "preview-number", ""));
          caret.appendChild(element("span", "preview-text", " ".repeat(Math.max(shown.column - 1, 0)) + "^\n"));
          caret.setAttribute("aria-hidden", "true");
          code.appendChild(caret);
        }
      });
      item.appendChild(code);
    }
    return item;
  }

  function showErrors(state) {
    var panel = element("section", "preview-errors");
    panel.setAttribute("role", "alert");
    panel.setAttribute("aria-labelledby", "preview-errors-title");
    var head = element("div", "preview-head");
    head.appendChild(element("h2", "preview-title", "The content has errors"));
    head.lastChild.id = "preview-errors-title";
    var hide = element("button", "preview-hide", "Hide");
    hide.type = "button";
    hide.addEventListener("click", function () {
      panel.remove();
    });
    head.appendChild(hide);
    panel.appendChild(head);
    panel.appendChild(
      element("p", "preview-lead", "The site shows its last good build until these are fixed. Save the file: this page reloads by itself.")
    );
    var list = element("ol", "preview-list");
    state.errors.forEach(function (shown) {
      list.appendChild(diagnostic(shown));
    });
    panel.appendChild(list);
    var more = state.more ? "and " + state.more + " more error" + (state.more === 1 ? "" : "s") + "; " : "";
    panel.appendChild(element("p", "preview-more", more + state.summary + " (make check lists them all)"));
    document.body.appendChild(panel);
  }

  function showNotes(notes) {
    var note = element("aside", "preview-note");
    note.setAttribute("aria-label", "Warnings about this page's file");
    note.appendChild(element("p", "preview-note-title", "Warnings about this page's file (shown only under make serve)"));
    var list = element("ul", "preview-list");
    notes.forEach(function (shown) {
      list.appendChild(diagnostic(shown));
    });
    note.appendChild(list);
    var article = document.querySelector(".md-content__inner") || document.body;
    article.insertBefore(note, article.firstChild);
  }

  // MkDocs' server reloads the pages it serves after each build, but not its 404 page (a page the
  // last good build does not have): there, ask again until a build follows, then reload.
  function follow(build) {
    setTimeout(function () {
      fetch(problems, { cache: "no-store" })
        .then(function (response) {
          return response.json();
        })
        .then(function (state) {
          if (state.build !== build) location.reload();
          else follow(build);
        })
        .catch(function () {
          follow(build);
        });
    }, 1000);
  }

  function show(state) {
    if (state.errors.length) showErrors(state);
    var here = location.pathname.slice(root.length) || "./"; // as MkDocs writes a page's address
    var notes = state.errors.length ? null : state.notes[here];
    if (notes) showNotes(notes);
    if (typeof window.livereload === "function") return;
    var navigation = performance.getEntriesByType("navigation")[0];
    if (!navigation || navigation.responseStatus !== 404) return follow(state.build);
    // The 404 page may be older than the state read: if the page is there now, show it.
    fetch(location.href, { cache: "no-store" })
      .then(function (response) {
        if (response.ok) location.reload();
        else follow(state.build);
      })
      .catch(function () {
        follow(state.build);
      });
  }

  fetch(problems, { cache: "no-store" })
    .then(function (response) {
      return response.json();
    })
    .then(function (state) {
      if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", function () {
          show(state);
        });
      } else {
        show(state);
      }
    })
    .catch(function () {});
})();

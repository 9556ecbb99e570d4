// A long page drawn a part at a time (generator/pages/sections.py). The parts under its headings
// start undrawn while off screen (briefing.css: content-visibility), so that the theme's start,
// which restyles the whole page several times, restyles only the first screen. Once the page has
// loaded, the parts are drawn one per frame while the browser is idle: the page is then whole, as
// tools that measure it (accessibility checkers) and find in page expect, and no frame is long.
(() => {
  "use strict";

  const parts = [...document.querySelectorAll(".page-section")];
  const whenIdle = (then) =>
    window.requestIdleCallback ? window.requestIdleCallback(then, { timeout: 500 }) : setTimeout(then, 16);

  function drawNext() {
    const part = parts.shift();
    if (!part) return;
    part.classList.add("page-section--drawn");
    requestAnimationFrame(() => whenIdle(drawNext)); // the next frame draws it; then the next part
  }

  if (!parts.length) return;
  if (document.readyState === "complete") whenIdle(drawNext);
  else window.addEventListener("load", () => whenIdle(drawNext), { once: true });
})();

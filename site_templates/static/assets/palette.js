// The light and dark schemes' button (overrides/partials/palette.html): a real button, which takes
// the focus in place of the theme's invisible radio buttons. Pressing it checks the other scheme's
// radio (the theme then switches, and shows that scheme's button); the focus goes to that button.
(() => {
  "use strict";

  const buttons = [...document.querySelectorAll(".md-palette-button")];
  for (const button of buttons) {
    button.addEventListener("click", () => {
      const hadFocus = document.activeElement === button;
      document.getElementById(button.dataset.paletteFor).click();
      if (!hadFocus) return;
      setTimeout(() => {
        const shown = buttons.find((other) => !other.hidden);
        if (shown) shown.focus();
      });
    });
  }
})();

// Video and post cards: the page loads nothing from another host. When the
// reader presses a card's button, the provider's player takes its place.
// Without this script, each card is a plain link to the original.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll(".embed-card[data-player]"), function (card) {
    var load = card.querySelector(".embed-load");
    load.hidden = false;
    load.querySelector("button").addEventListener("click", function () {
      var frame = document.createElement("iframe");
      frame.className = "embed-frame";
      frame.title = card.dataset.title;
      frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
      frame.allowFullscreen = true;
      frame.referrerPolicy = "strict-origin-when-cross-origin";
      frame.src = card.dataset.player;
      load.replaceWith(frame);
      frame.focus();
    });
  });
})();

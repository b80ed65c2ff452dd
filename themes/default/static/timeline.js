// Filters and order for the timeline, kept in the address (?kind=…&place=…&certainty=…&order=newest)
// so a filtered view can be shared and reloaded. Without this script the page shows every entry,
// oldest first, and nothing is lost.
(function () {
  "use strict";
  var box = document.querySelector("details.filters");
  var form = box && box.querySelector("form");
  var timeline = document.querySelector("ol.timeline");
  if (!form || !timeline || !window.URLSearchParams) return;
  var FIELDS = ["kind", "place", "certainty", "order"];
  var status = form.querySelector(".filter-status"), summary = box.querySelector(".filter-count");
  var marks = {};
  Array.prototype.forEach.call(document.querySelectorAll(".overview a"), function (a) {
    marks[a.getAttribute("href").slice(1)] = a;
  });
  var days = Array.prototype.map.call(timeline.children, function (day) {
    return {
      li: day,
      entries: Array.prototype.map.call(day.querySelectorAll("article"), function (a) {
        return { li: a.parentNode, mark: marks[a.id], kind: a.dataset.kind, certainty: a.dataset.certainty,
                 places: " " + a.dataset.places + " " };
      })
    };
  });
  var total = days.reduce(function (n, day) { return n + day.entries.length; }, 0);
  var newestFirst = false;

  function fromAddress() {
    var query = new URLSearchParams(location.search);
    FIELDS.forEach(function (name) {
      var select = form.elements[name], value = query.get(name) || "";
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === value; });
      select.value = known ? value : "";
    });
  }

  function toAddress() {
    var query = new URLSearchParams();
    FIELDS.forEach(function (name) {
      if (form.elements[name].value) query.set(name, form.elements[name].value);
    });
    var search = query.toString();
    history.replaceState(null, "", (search ? "?" + search : location.pathname) + location.hash);
  }

  function reverse(list) {
    for (var i = list.children.length - 2; i >= 0; i--) list.appendChild(list.children[i]);
  }

  function apply() {
    var kind = form.elements.kind.value, certainty = form.elements.certainty.value;
    var place = form.elements.place.value ? " " + form.elements.place.value + " " : "";
    var shown = 0;
    days.forEach(function (day) {
      var any = false;
      day.entries.forEach(function (e) {
        var match = (!kind || e.kind === kind) && (!certainty || e.certainty === certainty) &&
                    (!place || e.places.indexOf(place) >= 0);
        e.li.hidden = !match;
        if (e.mark) e.mark.classList.toggle("filtered-out", !match);
        if (match) { any = true; shown++; }
      });
      day.li.hidden = !any;
    });
    var newest = form.elements.order.value === "newest";
    if (newest !== newestFirst) {
      reverse(timeline);
      days.forEach(function (day) { reverse(day.li.querySelector("ol")); });
      newestFirst = newest;
    }
    status.textContent = shown === total ? "Showing all " + total + " entries." :
      "Showing " + shown + " of " + total + " entries.";
    summary.textContent = shown === total && !newest ? "" : "(" + shown + " of " + total + (newest ? ", newest first)" : ")");
  }

  form.addEventListener("change", function () { apply(); toAddress(); });
  fromAddress();
  apply();
  box.open = location.search.length > 1;  // a shared filtered view shows what filters it
  box.hidden = false;
}());

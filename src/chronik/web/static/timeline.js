// The story page's interactive timeline (vis-timeline), drawn over the server-rendered list.
// Without JavaScript, or if the library is missing, the list alone is shown.
(function () {
  "use strict";
  var data = document.getElementById("vis-data");
  var box = document.getElementById("vis");
  if (!data || !box || typeof vis === "undefined") return;
  var cfg = JSON.parse(data.textContent);
  var groups = cfg.groups.filter(function (g) {
    return cfg.items.some(function (i) { return i.group === g.id; });
  });
  box.parentNode.hidden = false;  // before drawing: vis-timeline cannot measure a hidden box
  var timeline = new vis.Timeline(box, new vis.DataSet(cfg.items), new vis.DataSet(groups), {
    locale: cfg.lang === "en" ? "en" : "de",
    stack: true,
    zoomable: true,
    zoomMin: 1000 * 60 * 60 * 24 * 3,
    margin: { item: 6 },
    maxHeight: "28rem",
    orientation: "top",
    selectable: true,
    tooltip: { followMouse: true }
  });

  // open on the story's events; background facts (years or decades earlier) are one zoom-out away
  var events = cfg.items.filter(function (i) { return !/\bbackground\b/.test(i.className || ""); });
  if (events.length && events.length < cfg.items.length) {
    var times = [];
    events.forEach(function (i) { times.push(Date.parse(i.start)); if (i.end) times.push(Date.parse(i.end)); });
    var lo = Math.min.apply(null, times), hi = Math.max.apply(null, times);
    var pad = Math.max((hi - lo) * 0.15, 1000 * 60 * 60 * 24 * 10);
    timeline.setWindow(lo - pad, hi + pad, { animation: false });
  }

  function reveal(id) {
    var item = cfg.items.find(function (i) { return i.id === id; });
    if (!item) return;
    var old = document.querySelector(".entry.selected");
    if (old) old.classList.remove("selected");
    var entry = document.getElementById(item.entry);
    if (!entry) return;
    entry.classList.add("selected");
    entry.scrollIntoView({ block: "start" });
    entry.focus({ preventScroll: true });
  }
  timeline.on("select", function (props) {
    if (props.items.length) reveal(props.items[0]);
  });
  document.querySelectorAll(".vis-wrap [data-zoom]").forEach(function (button) {
    button.addEventListener("click", function () {
      var how = button.getAttribute("data-zoom");
      if (how === "fit") timeline.fit();
      else if (how === "in") timeline.zoomIn(0.5);
      else timeline.zoomOut(0.5);
    });
  });
})();

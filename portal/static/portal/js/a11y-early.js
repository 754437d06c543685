/* Loaded in <head> without defer: applies the visitor's remembered display choices (长者模式, text size,
   reading guide, large cursor) before the first paint. The choice lives in localStorage, never in a cookie,
   so the page HTML stays the same for every anonymous visitor and can be cached. */
(function () {
    "use strict";
    var root = document.documentElement;
    root.classList.add("js");
    var prefs = {};
    try { prefs = JSON.parse(window.localStorage.getItem("portal.a11y") || "{}") || {}; } catch (error) { prefs = {}; }
    if (prefs.elder) root.classList.add("elder");
    if (prefs.guide) root.classList.add("reading-guide");
    if (prefs.cursor) root.classList.add("big-cursor");
    if (prefs.scale) root.setAttribute("data-text-scale", String(prefs.scale));
    if (prefs.article) root.setAttribute("data-article-size", String(prefs.article));
})();

/* Counts this page view: one POST without cookies to a never-cached endpoint, then fills in 浏览次数. */
(function () {
  "use strict";
  var script = document.currentScript;
  var endpoint = script && script.getAttribute("data-endpoint");
  if (!endpoint) {
    return;
  }
  var data = new URLSearchParams();
  data.set("path", window.location.pathname);
  var page = document.querySelector('meta[name="portal-page"]');
  if (page && page.content) {
    data.set("page", page.content);
  }

  function show(count) {
    if (typeof count !== "number") {
      return;
    }
    var targets = document.querySelectorAll("[data-view-count]");
    for (var i = 0; i < targets.length; i += 1) {
      targets[i].textContent = String(count);
    }
  }

  if (window.fetch) {
    window
      .fetch(endpoint, { method: "POST", body: data, credentials: "omit", cache: "no-store", keepalive: true })
      .then(function (response) {
        return response.ok ? response.json() : null;
      })
      .then(function (answer) {
        if (answer) {
          show(answer.views);
        }
      })
      .catch(function () {});
  } else if (navigator.sendBeacon) {
    navigator.sendBeacon(endpoint, data);
  }
})();

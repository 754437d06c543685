/* Progressive enhancement only: every page works without JavaScript. */
(function () {
    "use strict";
    document.documentElement.classList.add("js");

    function initNav() {
        var toggle = document.querySelector(".site-nav__toggle");
        var list = document.getElementById("site-nav-list");
        if (!toggle || !list) return;
        list.setAttribute("data-collapsed", "true");
        toggle.addEventListener("click", function () {
            var open = toggle.getAttribute("aria-expanded") === "true";
            toggle.setAttribute("aria-expanded", String(!open));
            list.setAttribute("data-collapsed", String(open));
        });
    }

    function initBanner() {
        var banner = document.querySelector("[data-banner]");
        if (!banner) return;
        var slides = banner.querySelectorAll("[data-slide]");
        var dots = banner.querySelectorAll("[data-slide-to]");
        if (slides.length < 2) return;
        var current = 0;
        var timer = null;
        var reduceMotion = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

        function show(index) {
            slides[current].classList.remove("is-active");
            dots[current].removeAttribute("aria-current");
            current = (index + slides.length) % slides.length;
            slides[current].classList.add("is-active");
            dots[current].setAttribute("aria-current", "true");
        }
        function start() { if (!reduceMotion) timer = window.setInterval(function () { show(current + 1); }, 6000); }
        function stop() { window.clearInterval(timer); }

        dots.forEach(function (dot) {
            dot.addEventListener("click", function () { stop(); show(Number(dot.getAttribute("data-slide-to"))); });
        });
        banner.addEventListener("mouseenter", stop);
        banner.addEventListener("focusin", stop);
        banner.addEventListener("mouseleave", start);
        start();
    }

    function initPrint() {
        document.querySelectorAll("[data-print]").forEach(function (button) {
            button.addEventListener("click", function () { window.print(); });
        });
    }

    document.addEventListener("DOMContentLoaded", function () { initNav(); initBanner(); initPrint(); });
})();

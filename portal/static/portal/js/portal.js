/* Progressive enhancement only: every page works without JavaScript. */
(function () {
    "use strict";
    var root = document.documentElement;
    var STORE = "portal.a11y";
    var MAX_SCALE = 4; // 100%, 125%, 150%, 175%, 200% of the browser's own text size

    function loadPrefs() {
        try { return JSON.parse(window.localStorage.getItem(STORE) || "{}") || {}; } catch (error) { return {}; }
    }
    function savePrefs(prefs) {
        try { window.localStorage.setItem(STORE, JSON.stringify(prefs)); } catch (error) { /* private mode: this page only */ }
    }
    function announce(text) {
        var status = document.getElementById("a11y-status");
        if (!status) return;
        status.textContent = "";
        window.setTimeout(function () { status.textContent = text; }, 50);
    }

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

    /* 长者模式 and the display tools of the header bar; the choice is remembered in localStorage. */
    function initDisplayTools() {
        var prefs = loadPrefs();
        function apply() {
            root.classList.toggle("elder", !!prefs.elder);
            root.classList.toggle("reading-guide", !!prefs.guide);
            root.classList.toggle("big-cursor", !!prefs.cursor);
            if (prefs.scale) root.setAttribute("data-text-scale", String(prefs.scale));
            else root.removeAttribute("data-text-scale");
            document.querySelectorAll("[data-a11y-toggle]").forEach(function (button) {
                button.setAttribute("aria-pressed", String(!!prefs[button.getAttribute("data-a11y-toggle")]));
            });
        }
        document.querySelectorAll("[data-a11y-toggle]").forEach(function (button) {
            button.addEventListener("click", function () {
                var key = button.getAttribute("data-a11y-toggle");
                prefs[key] = !prefs[key];
                if (key === "elder") prefs.scale = prefs.elder ? Math.max(prefs.scale || 0, 1) : 0;
                savePrefs(prefs);
                apply();
                announce(button.getAttribute("data-label") + (prefs[key] ? "已开启" : "已关闭"));
            });
        });
        document.querySelectorAll("[data-text-step]").forEach(function (button) {
            button.addEventListener("click", function () {
                var step = Number(button.getAttribute("data-text-step"));
                prefs.scale = step === 0 ? 0 : Math.min(MAX_SCALE, Math.max(0, (prefs.scale || 0) + step));
                savePrefs(prefs);
                apply();
                announce("文字大小：" + (100 + 25 * (prefs.scale || 0)) + "%");
            });
        });
        apply();

        var guide = document.createElement("div");
        guide.className = "reading-guide__line";
        guide.setAttribute("aria-hidden", "true");
        document.body.appendChild(guide);
        document.addEventListener("mousemove", function (event) {
            if (root.classList.contains("reading-guide")) guide.style.top = event.clientY + "px";
        });
    }

    /* 语音朗读: the browser's own speech synthesis (no outside service); the selection, else the article. */
    function initSpeech() {
        var buttons = document.querySelectorAll("[data-speak]");
        if (!buttons.length) return;
        var synth = window.speechSynthesis;
        function chineseVoice() {
            if (!synth) return null;
            var voices = synth.getVoices() || [];
            for (var i = 0; i < voices.length; i += 1) {
                if (/^zh|cmn/i.test(voices[i].lang)) return voices[i];
            }
            return null;
        }
        function textToRead(button) {
            var selection = window.getSelection ? String(window.getSelection()) : "";
            if (selection.trim()) return selection;
            var target = document.querySelector(button.getAttribute("data-speak") || "") ||
                document.querySelector(".item, main");
            return target ? target.innerText : "";
        }
        function speak(button, voice) {
            if (!voice) {
                announce("本设备没有可用的中文语音，无法朗读。请在系统设置中安装中文（普通话）语音后再试。");
                return;
            }
            var utterance = new window.SpeechSynthesisUtterance(textToRead(button));
            utterance.voice = voice;
            utterance.lang = voice.lang;
            utterance.rate = 0.9;
            utterance.onend = function () { button.setAttribute("aria-pressed", "false"); };
            synth.cancel();
            synth.speak(utterance);
            button.setAttribute("aria-pressed", "true");
            announce("开始朗读，再按一次停止。");
        }
        buttons.forEach(function (button) {
            button.addEventListener("click", function () {
                if (synth && button.getAttribute("aria-pressed") === "true") {
                    synth.cancel();
                    button.setAttribute("aria-pressed", "false");
                    announce("已停止朗读。");
                    return;
                }
                var voice = chineseVoice();
                if (voice || !synth) { speak(button, voice); return; }
                /* Voices load asynchronously on first use. */
                var done = false;
                function retry() { if (!done) { done = true; speak(button, chineseVoice()); } }
                synth.addEventListener("voiceschanged", retry, { once: true });
                window.setTimeout(retry, 800);
            });
        });
    }

    function initBanner() {
        var banner = document.querySelector("[data-banner]");
        if (!banner) return;
        var slides = banner.querySelectorAll("[data-slide]");
        var dots = banner.querySelectorAll("[data-slide-to]");
        var pause = banner.querySelector("[data-banner-pause]");
        if (slides.length < 2) return;
        var current = 0;
        var timer = null;
        var motion = window.matchMedia ? window.matchMedia("(prefers-reduced-motion: reduce)") : null;
        var paused = !!(motion && motion.matches);

        function show(index) {
            slides[current].classList.remove("is-active");
            dots[current].removeAttribute("aria-current");
            current = (index + slides.length) % slides.length;
            slides[current].classList.add("is-active");
            dots[current].setAttribute("aria-current", "true");
        }
        function stop() { window.clearInterval(timer); timer = null; }
        function start() { stop(); if (!paused) timer = window.setInterval(function () { show(current + 1); }, 6000); }
        function setPaused(value) {
            paused = value;
            if (pause) {
                pause.setAttribute("aria-pressed", String(paused));
                pause.querySelector("[data-banner-pause-label]").textContent = paused ? "播放" : "暂停";
            }
            if (paused) stop(); else start();
        }

        dots.forEach(function (dot) {
            dot.addEventListener("click", function () { show(Number(dot.getAttribute("data-slide-to"))); start(); });
        });
        if (pause) {
            pause.hidden = false;
            pause.addEventListener("click", function () { setPaused(!paused); });
        }
        if (motion && motion.addEventListener) motion.addEventListener("change", function () { setPaused(motion.matches || paused); });
        banner.addEventListener("mouseenter", stop);
        banner.addEventListener("focusin", stop);
        banner.addEventListener("mouseleave", start);
        setPaused(paused);
    }

    function initPrint() {
        document.querySelectorAll("[data-print]").forEach(function (button) {
            button.addEventListener("click", function () { window.print(); });
        });
        document.querySelectorAll("[data-close-window]").forEach(function (button) {
            button.addEventListener("click", function () {
                window.close();
                /* Browsers only close windows a script opened: say so instead of doing nothing. */
                window.setTimeout(function () { announce("浏览器不允许网页关闭此窗口，请使用浏览器的关闭按钮。"); }, 200);
            });
        });
    }

    /* 字号【大 中 小】 of the article body. */
    function initArticleSize() {
        var prefs = loadPrefs();
        document.querySelectorAll("[data-article-size]").forEach(function (button) {
            button.setAttribute("aria-pressed", String((prefs.article || "medium") === button.getAttribute("data-article-size")));
            button.addEventListener("click", function () {
                prefs = loadPrefs();
                prefs.article = button.getAttribute("data-article-size");
                savePrefs(prefs);
                root.setAttribute("data-article-size", prefs.article);
                document.querySelectorAll("[data-article-size]").forEach(function (other) {
                    other.setAttribute("aria-pressed", String(other === button));
                });
            });
        });
    }

    /* After a failed submit the error summary takes the focus, so a screen reader reads it first. */
    function initErrorSummary() {
        var summary = document.querySelector("[data-error-summary], .mailbox-form__summary, .question-form__summary, .form-errors");
        if (!summary) return;
        if (!summary.hasAttribute("tabindex")) summary.setAttribute("tabindex", "-1");
        summary.focus();
    }

    /* 换一张 and the arithmetic question of the captcha (portal/captcha.py). */
    function initCaptcha() {
        document.querySelectorAll("[data-captcha]").forEach(function (box) {
            var image = box.querySelector("img");
            var key = box.querySelector("input[type=hidden]");
            var question = box.querySelector("[data-captcha-question]");
            var answer = box.querySelector("input[type=text]");
            function load(url, headers, done) {
                window.fetch(url, { headers: headers, credentials: "same-origin", cache: "no-store" })
                    .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
                    .then(done)
                    .catch(function () { announce("验证码没有更新，请稍后重试或刷新页面。"); });
            }
            box.querySelector("[data-captcha-refresh]").addEventListener("click", function () {
                load(box.getAttribute("data-refresh-url"), { "X-Requested-With": "XMLHttpRequest" }, function (data) {
                    key.value = data.key;
                    image.src = data.image_url;
                    image.hidden = false;
                    question.hidden = true;
                    answer.value = "";
                    announce("已换一张验证码图片。");
                });
            });
            box.querySelector("[data-captcha-arithmetic]").addEventListener("click", function () {
                load(box.getAttribute("data-question-url"), {}, function (data) {
                    key.value = data.key;
                    image.hidden = true;
                    question.hidden = false;
                    question.textContent = "算术题：" + data.question + "（请用阿拉伯数字作答）";
                    answer.value = "";
                    answer.focus();
                    announce(question.textContent);
                });
            });
        });
    }

    function initToday() {
        var now = new Date();
        var days = "日一二三四五六";
        document.querySelectorAll("[data-today]").forEach(function (node) {
            node.textContent = now.getFullYear() + "年" + (now.getMonth() + 1) + "月" + now.getDate() + "日 星期" + days.charAt(now.getDay());
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        initNav(); initDisplayTools(); initSpeech(); initBanner(); initPrint(); initArticleSize();
        initErrorSummary(); initCaptcha(); initToday();
    });
})();

// Live progress of a broadcast that is sending: asks ?handler=Progress (JSON) every 2 s and updates the bar and the
// counts in place. Without JavaScript the page refreshes itself instead (<noscript> meta refresh). When the broadcast
// leaves "Sending" the page is loaded once more, for the final state and buttons.
(function () {
    "use strict";
    var script = document.querySelector("script[data-progress-url]");
    var section = document.getElementById("progress");
    if (!script || !section) return;
    var url = script.getAttribute("data-progress-url");
    var bar = section.querySelector("progress");
    var percent = section.querySelector("[data-percent]");

    function set(name, value) {
        var el = section.querySelector('[data-count="' + name + '"]');
        if (el) el.textContent = String(value);
    }

    function eta(seconds) {
        if (seconds === null || seconds === undefined) return "–";
        var s = Math.max(0, Math.round(seconds));
        var h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), r = s % 60;
        var mm = h > 0 ? String(m).padStart(2, "0") : String(m);
        return (h > 0 ? h + ":" : "") + mm + ":" + String(r).padStart(2, "0");
    }

    function tick() {
        fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin", cache: "no-store" })
            .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
            .then(function (p) {
                if (bar) { bar.max = Math.max(1, p.total); bar.value = p.sent + p.failed + p.blocked + p.cancelled; bar.textContent = p.percent + "%"; }
                if (percent) percent.textContent = p.percent + "%";
                ["total", "sent", "blocked", "failed", "cancelled", "remaining"].forEach(function (k) { set(k, p[k]); });
                set("eta", eta(p.etaSeconds));
                if (p.status !== "Sending") { window.location.reload(); return; }
                window.setTimeout(tick, 2000);
            })
            .catch(function () { window.setTimeout(tick, 5000); }); // a hiccup: try again a little later
    }

    window.setTimeout(tick, 2000);
})();

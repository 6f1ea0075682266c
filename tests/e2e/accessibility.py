"""axe-core inside the browser journeys: every page a journey shows is checked against WCAG 2.0/2.1 A and
AA, and the journey fails with a report of every violation met on the way.

axe comes from node_modules (package.json pins it) as an init script, which the Content-Security-Policy
does not apply to; a second init script runs it when each of our pages has loaded and hands the result to
the test through a binding. A navigation away from a page is held (by a route) until that page's result
is in, so a page left at once (a form submitted, a link clicked) is checked all the same, as the person
saw it. Nothing here calls the page from inside a route handler, which Playwright's sync API cannot do.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

from playwright.sync_api import Error as PlaywrightError

AXE_SCRIPT = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Wagtail's own interface (editor, and the admin views built on its chrome) is Wagtail's to keep accessible.
NOT_OURS = ["/admin/"]
# How long a page may take to load and be checked before it reports that it could not be (see RUN_ON_LOAD).
BOUND_SECONDS = 20

RUN_ON_LOAD = """
(() => {
  if (window.top !== window) return;
  // Playwright can evaluate an init script twice in one document (microsoft/playwright#22147; seen on a 404
  // page in CI): a second axe run there failed the journey with "Axe is already running".
  if (window.__axeWatching) return;
  window.__axeWatching = true;
  const config = %(config)s;
  const report = (result) => {
    window.__axeState = "done";
    if (window.__axeReport) window.__axeReport({url: location.href, width: window.innerWidth, ...result});
  };
  // Colours are checked as the page settles, not half-way through a transition: the pointer the last click left
  // over a button of the new page starts its hover transition as the page loads, and axe once measured the
  // colours between the two states. Two frames let that transition begin; endless or paused animations, which
  // would never end, are not awaited.
  const settled = async () => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const finite = document.getAnimations().filter(
      (a) => a.playState === "running" && Number.isFinite(a.effect?.getComputedTiming().endTime),
    );
    await Promise.all(finite.map((animation) => animation.finished.catch(() => null)));
  };
  // axe refuses to start while another run is in progress in the window. CI met "Axe is already running" twice,
  // on pages where only this script runs axe, and the mark above did not prevent the second: whatever the other
  // run is, this one waits for it to end (within the page's bound) instead of failing the journey.
  const runAxe = async (options) => {
    for (;;) {
      try {
        return await axe.run(document, options);
      } catch (error) {
        if (!axe._running) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  };
  const run = async () => {
    const ours = location.href.startsWith(config.origin)
      && !config.notOurs.some((prefix) => location.pathname.startsWith(prefix));
    if (!ours || !window.axe || document.contentType !== "text/html") return report({skipped: true});
    await settled();
    // One check per distinct rendering: the same document at the same size was already checked cleanly in
    // this test run (by this journey or an earlier one), and axe would find the same again. A form's CSRF
    // token differs on every response and is left out; Chromium already hides the scripts' nonces.
    const rendering = document.documentElement.cloneNode(true);
    rendering.querySelectorAll("input[name=csrfmiddlewaretoken]").forEach((input) => input.removeAttribute("value"));
    const described = [window.innerWidth, window.innerHeight, window.devicePixelRatio, rendering.outerHTML].join("|");
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(described));
    const key = [...new Uint8Array(digest)].slice(0, 16).map((byte) => byte.toString(16).padStart(2, "0")).join("");
    // Asking the test for its keys here would deadlock (a navigation held until this page reports can stall
    // the answer): the keys known when this browser context opened come with the script, and the ones found
    // since in this context are in its local storage.
    if (config.clean.includes(key) || localStorage.getItem("axe-clean:" + key)) return report({skipped: true});
    const results = await runAxe({runOnly: {type: "tag", values: config.tags}, resultTypes: ["violations"]});
    if (!results.violations.length) localStorage.setItem("axe-clean:" + key, "1");
    report({key, violations: results.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.map((n) => ({target: n.target.join(" "), summary: n.failureSummary})),
    }))});
  };
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    window.__axeState = "running";
    run().catch((error) => report({error: String(error)}));
  };
  // The load event alone is not enough: Chromium has been seen to complete a document (reloaded at the same URL
  // after a form's redirect) without this listener ever being called, so the state is also polled.
  window.addEventListener("load", start, {once: true});
  const whenComplete = () => (document.readyState === "complete" ? start() : setTimeout(whenComplete, 200));
  whenComplete();
  // A page that never reaches its result would hold the journey's next navigation for ever: after a bound it
  // reports why instead (its state and what it was still loading), and the navigation goes on.
  setTimeout(() => {
    if (window.__axeState === "done") return;
    const loaded = new Set(performance.getEntriesByType("resource").map((entry) => entry.name));
    const wanted = [...document.querySelectorAll("script[src], link[rel=stylesheet][href], img[src]")]
      .map((element) => element.src || element.href).filter((url) => url && !loaded.has(url));
    report({error: `no result within ${config.boundSeconds} s (document ${document.readyState}, `
      + `axe ${window.__axeState || "not started"}, not loaded: ${wanted.join(", ") || "nothing"})`});
  }, config.boundSeconds * 1000);
})();
"""


# Renderings axe found nothing wrong with in this test process: a journey that shows one again (the home
# page, a directory seen by the same visitor) is not checked twice. A rendering with a violation is not
# kept, so every journey that reaches it reports it.
CLEAN_RENDERINGS = set()


@dataclass
class AccessibilityAudit:
    base_url: str
    violations: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    # The pages axe ran on (a rendering already checked cleanly is not run again).
    checked: list = field(default_factory=list)
    # Pages whose current document has not reported yet, and navigations held until it does.
    _waiting: set = field(default_factory=set)
    _held: dict = field(default_factory=dict)

    def watch(self, context):
        if not AXE_SCRIPT.exists():
            raise RuntimeError(f"{AXE_SCRIPT} is missing: run `npm ci` (axe-core is pinned in package.json)")
        context.add_init_script(path=str(AXE_SCRIPT))
        context.add_init_script(self.on_load_script())
        context.expose_binding("__axeReport", self._report)
        context.route("**/*", self._hold_until_checked)
        context.on("page", self._follow)

    def on_load_script(self):
        """The script that runs axe in each of our pages once it has loaded, with this audit's settings."""
        config = {
            "origin": self.base_url,
            "notOurs": NOT_OURS,
            "tags": WCAG_TAGS,
            "boundSeconds": BOUND_SECONDS,
            "clean": sorted(CLEAN_RENDERINGS),
        }
        return RUN_ON_LOAD % {"config": json.dumps(config)}

    def _follow(self, page):
        page.on("framenavigated", self._navigated)

    def _navigated(self, frame):
        if frame.parent_frame is None and frame.url.startswith(self.base_url):
            self._waiting.add(frame.page)

    def _hold_until_checked(self, route, request):
        page = None
        if request.is_navigation_request():
            try:
                frame = request.frame
            except PlaywrightError:
                # A popup's first navigation is issued before its frame exists: nothing on it to wait for yet.
                frame = None
            if frame is not None and frame.parent_frame is None:
                page = frame.page
        if page is not None and page in self._waiting:
            self._held.setdefault(page, []).append(route)
            return
        route.continue_()

    def _report(self, source, result):
        page = source["page"]
        self._waiting.discard(page)
        for violation in result.get("violations", []):
            self.violations.append({"url": result["url"], "width": result["width"], **violation})
        if "error" in result:
            self.errors.append(f"{result['url']}: {result['error']}")
        if "key" in result:
            self.checked.append(result["url"])
            if not result["violations"]:
                CLEAN_RENDERINGS.add(result["key"])
        for route in self._held.pop(page, []):
            route.continue_()

    def release(self, context):
        """Lets every navigation still held for a page of `context` go, so that closing it waits for nothing."""
        for page in context.pages:
            for route in self._held.pop(page, []):
                try:
                    route.continue_()
                except PlaywrightError:
                    pass  # its request already ended (the page went away)

    def finish(self, page):
        """Waits (bounded) for the result of the page the journey ended on. A page that never reports is
        one more line of the report, so the violations found before it are still shown."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

        if page.url.startswith(self.base_url):
            try:
                page.wait_for_function("() => window.__axeState === 'done'", timeout=30_000)
            except PlaywrightTimeoutError:
                self.errors.append(f"{page.url}: no result within 30 s ({self._stalled(page)})")

    @staticmethod
    def _stalled(page):
        """What the page was still waiting for, so a stalled journey says why: axe runs on `load`."""
        try:
            state = page.evaluate(
                """() => ({ready: document.readyState, axe: window.__axeState || "not started",
                           unfinished: [...document.images].filter((image) => !image.complete)
                             .map((image) => image.src)})"""
            )
        except PlaywrightError as error:
            return f"the page could not be asked: {error}"
        unfinished = ", ".join(state["unfinished"]) or "none"
        return f"document {state['ready']}, axe {state['axe']}, images still loading: {unfinished}"

    def report(self):
        lines = [f"{len(self.violations)} WCAG 2.1 A/AA violation(s) found by axe-core:"]
        for violation in self.violations:
            path = violation["url"].removeprefix(self.base_url)
            lines.append(
                f"\n{path} at {violation['width']}px — {violation['id']} ({violation['impact']}): {violation['help']}"
            )
            for node in violation["nodes"][:8]:
                summary = " ".join((node["summary"] or "").split())
                lines.append(f"    {node['target']}: {summary[:300]}")
            if len(violation["nodes"]) > 8:
                lines.append(f"    … and {len(violation['nodes']) - 8} more element(s)")
        lines.extend(f"\naxe could not run on {error}" for error in self.errors)
        return "\n".join(lines)

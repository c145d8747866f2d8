#!/usr/bin/env python3
"""End-to-end browser test of `rasd serve`, driven by crates/rasd-cli/tests/browser.rs.

    e2e.py --base http://127.0.0.1:PORT --xss-base http://127.0.0.1:PORT2 --shots DIR

`--base` serves a database built from examples/aleppo-2016-11 with the
fixture gazetteer; `--xss-base` one built from a report full of markup.
Headless Chromium (the system one, /usr/bin/chromium, or $RASD_CHROMIUM)
walks home → incident → report → story, checks the Arabic interface and
that report text is never interpreted as markup, and saves full-page
screenshots home.png, incident.png, report.png and story.png into DIR.
Exits 1 with a message naming the failed check.
"""

import argparse
import json
import os
import re
import sys
import urllib.parse
import urllib.request

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import sync_playwright

TIMEOUT_MS = 20_000
# Screenshots stay small enough to keep in docs/: a page longer than this is
# cut, and with Pillow installed a large one is saved with a 64-colour palette.
MAX_SHOT_HEIGHT = 4000
MAX_SHOT_BYTES = 400_000


class Failure(Exception):
    pass


def check(cond, message):
    if not cond:
        raise Failure(message)


def get_json(base, path):
    with urllib.request.urlopen(base + path, timeout=20) as r:
        return json.loads(r.read().decode("utf-8"))


def path_of(url):
    return urllib.parse.urlsplit(url).path


def number_in(text):
    m = re.search(r"(\d+)", text or "")
    return int(m.group(1)) if m else None


def screenshot(page, shots, name):
    path = os.path.join(shots, name)
    height = page.evaluate("document.documentElement.scrollHeight")
    if height > MAX_SHOT_HEIGHT:
        width = page.evaluate("document.documentElement.scrollWidth")
        page.screenshot(path=path, full_page=True, clip={"x": 0, "y": 0, "width": width, "height": MAX_SHOT_HEIGHT})
    else:
        page.screenshot(path=path, full_page=True)
    if os.path.getsize(path) > MAX_SHOT_BYTES:
        try:
            from PIL import Image
        except ImportError:
            return
        with Image.open(path) as im:
            q = im.convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        q.save(path, optimize=True)


def aleppo_air_strike(base):
    """The eastern Aleppo air strikes: the top-level air-strike incident at Aleppo."""
    data = get_json(base, "/api/incidents")
    found = [
        i
        for i in data.get("incidents", [])
        if i.get("place_en") == "Aleppo"
        and i.get("sub_event_type") == "Air/drone strike"
        and i.get("parent") is None
    ]
    check(
        found,
        "no incident in /api/incidents with place_en=Aleppo, sub_event_type=Air/drone strike, parent=null "
        f"(got {len(data.get('incidents', []))} incidents)",
    )
    found.sort(key=lambda i: -(i.get("killed", {}).get("best") or 0))
    return found[0]


def click_circle(page, incident_id):
    """Clicks a visible part of the incident's circle (smaller circles may sit
    on top of its centre); returns False when no part of it can be hit."""
    point = page.evaluate(
        """(id) => {
            const c = document.querySelector('#map circle.incident[data-id="' + id + '"]');
            if (!c) return null;
            c.scrollIntoView({block: "center"});
            const b = c.getBoundingClientRect();
            const cx = b.left + b.width / 2, cy = b.top + b.height / 2, r = b.width / 2;
            for (const f of [0, 0.3, 0.5, 0.7, 0.85]) {
                for (let k = 0; k < 16; k++) {
                    const a = (k / 16) * 2 * Math.PI;
                    const x = cx + f * r * Math.cos(a), y = cy + f * r * Math.sin(a);
                    const hit = document.elementFromPoint(x, y);
                    if (hit === c || (hit && c.contains(hit))) return [x, y];
                    if (f === 0) break;
                }
            }
            return null;
        }""",
        incident_id,
    )
    if point is None:
        return False
    with page.expect_navigation(timeout=TIMEOUT_MS):
        page.mouse.click(point[0], point[1])
    return True


def test_main(browser, base, shots):
    incident = aleppo_air_strike(base)
    iid = incident["id"]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))

    # Home: map, timeline and list.
    page.goto(base + "/", timeout=TIMEOUT_MS)
    page.wait_for_selector("#map[data-ready]", state="attached", timeout=TIMEOUT_MS)
    ready = page.get_attribute("#map", "data-ready")
    check(ready != "error", f"home: the map failed: {page.inner_text('#map')!r}")
    check(ready.isdigit() and int(ready) >= 1, f"home: #map data-ready={ready!r}, want a count >= 1")
    circles = page.locator("#map circle.incident").count()
    check(circles >= 1, "home: the map shows no circle.incident")
    rows = page.locator("table#incident-list tbody tr").count()
    check(rows >= 1, "home: table#incident-list has no rows")
    check(
        page.locator(f'#map circle.incident[data-id="{iid}"]').count() == 1,
        f"home: no circle for incident {iid} on the map",
    )
    check(not errors, f"home: JavaScript errors: {errors}")
    screenshot(page, shots, "home.png")

    # Incident page, through the map (the list when the circle cannot be hit).
    via = "map circle"
    if not click_circle(page, iid):
        via = "list link (its circle is covered)"
        with page.expect_navigation(timeout=TIMEOUT_MS):
            page.click(f'table#incident-list a.incident-link[href^="/incidents/{iid}"]')
    check(
        path_of(page.url) == f"/incidents/{iid}",
        f"incident: clicking incident {iid} led to {page.url}",
    )
    page.wait_for_selector("article#incident", timeout=TIMEOUT_MS)
    check(
        page.get_attribute("article#incident", "data-id") == iid,
        "incident: article#incident has the wrong data-id",
    )
    low = number_in(page.inner_text("dd#killed span.low"))
    high = number_in(page.inner_text("dd#killed span.high"))
    check(low == 47, f"incident: killed low is {low}, want 47")
    check(high is not None and high >= 110, f"incident: killed high is {high}, want >= 110")
    sources = number_in(page.inner_text("dd#independent-sources"))
    check(sources is not None and sources >= 5, f"incident: {sources} independent sources, want >= 5")
    sentences = page.locator("table#claims td.sentence")
    n = sentences.count()
    check(n >= 1, "incident: table#claims has no td.sentence")
    for k in range(n):
        check(sentences.nth(k).get_attribute("dir") == "rtl", f"incident: claim sentence {k} is not dir=rtl")
    check(
        page.locator("table#claims td.sentence mark.number").count() >= 1,
        "incident: no mark.number in the claim sentences",
    )
    check(
        page.locator("table#claims td.sentence mark.number").first.inner_text().strip() != "",
        "incident: the first mark.number is empty",
    )
    check(page.locator("a.story-link").count() >= 1, "incident: no a.story-link")
    story_href = page.get_attribute("a.story-link", "href")
    screenshot(page, shots, "incident.png")

    # A report the claims cite.
    link = page.locator("table#claims a.report-link").first
    report_path = path_of(link.get_attribute("href"))
    with page.expect_navigation(timeout=TIMEOUT_MS):
        link.click()
    check(path_of(page.url) == report_path, f"report: the report link led to {page.url}, want {report_path}")
    page.wait_for_selector("article#report", timeout=TIMEOUT_MS)
    check(page.get_attribute("#report-text", "dir") == "rtl", "report: #report-text is not dir=rtl")
    for kind in ("number", "source", "place"):
        count = page.locator(f"#report-text mark.{kind}").count()
        check(count >= 1, f"report {report_path}: no mark.{kind} in #report-text")
    screenshot(page, shots, "report.png")

    # The story, from the report's story link (the incident's when it has none).
    if page.locator("article#report a.story-link").count() >= 1:
        with page.expect_navigation(timeout=TIMEOUT_MS):
            page.click("article#report a.story-link")
    else:
        page.goto(base + story_href, timeout=TIMEOUT_MS)
    page.wait_for_selector("article#story", timeout=TIMEOUT_MS)
    check(path_of(page.url).startswith("/stories/"), f"story: landed on {page.url}")
    story_rows = page.locator("table#story-reports tbody tr").count()
    check(story_rows >= 1, "story: table#story-reports lists no report")
    check(
        page.locator("table#story-reports a.report-link").count() >= 1,
        "story: no a.report-link in table#story-reports",
    )
    screenshot(page, shots, "story.png")

    # The Arabic interface.
    page.goto(base + "/?lang=ar", timeout=TIMEOUT_MS)
    check(page.get_attribute("html", "dir") == "rtl", "home ?lang=ar: html is not dir=rtl")
    check(page.get_attribute("html", "lang") == "ar", "home ?lang=ar: html is not lang=ar")
    page.wait_for_selector("#map[data-ready]", state="attached", timeout=TIMEOUT_MS)
    check(page.get_attribute("#map", "data-ready") != "error", "home ?lang=ar: the map failed")
    check(not errors, f"JavaScript errors: {errors}")
    page.close()
    return f"{iid} (via its {via})", report_path, story_rows


def test_xss(browser, xss_base):
    data = get_json(xss_base, "/api/search?q=" + urllib.parse.quote("حلب"))
    reports = data.get("reports") or []
    ids = [r.get("id") for r in reports if isinstance(r, dict) and r.get("id")]
    if not ids:
        # No search hit: the incidents' claims name their reports.
        for i in get_json(xss_base, "/api/incidents").get("incidents", []):
            d = get_json(xss_base, "/api/incidents/" + urllib.parse.quote(i["id"]))
            ids += [c.get("doc_id") or c.get("claim", {}).get("doc_id") for c in d.get("claims", [])]
        ids = [i for i in ids if i]
    check(ids, "xss: the database has no report to open")
    report_id = ids[0]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(xss_base + "/reports/" + urllib.parse.quote(report_id), timeout=TIMEOUT_MS)
    page.wait_for_selector("#report-text", timeout=TIMEOUT_MS)
    page.wait_for_load_state("load")
    text = page.inner_text("#report-text")
    for s in ("<script>window.__xss=1</script>", 'onerror="window.__xss=2"', "javascript:alert(1)"):
        check(s in text, f"xss: {s!r} is not shown as text in #report-text")
    xss = page.evaluate("typeof window.__xss")
    check(xss == "undefined", f"xss: window.__xss is set ({page.evaluate('String(window.__xss)')}): report text ran as script")
    check(page.locator("#report-text img").count() == 0, "xss: an img element was made from the report text")
    check(page.locator("#report-text script").count() == 0, "xss: a script element was made from the report text")
    check(
        page.locator('#report-text a[href^="javascript:"]').count() == 0,
        "xss: a javascript: link was made from the report text",
    )
    check(not dialogs, f"xss: a dialog opened: {dialogs}")
    check(page.locator("#report-text mark.number").count() >= 1, "xss: the casualty number is not highlighted")
    # The same text as a title and a claim sentence: home, incident and story pages.
    for path in ["/"] + [
        f"/incidents/{urllib.parse.quote(i['id'])}" for i in get_json(xss_base, "/api/incidents").get("incidents", [])[:3]
    ] + [f"/stories/{urllib.parse.quote(s)}" for s in {i.get("story_id") for i in get_json(xss_base, "/api/incidents").get("incidents", [])} if s]:
        page.goto(xss_base + path, timeout=TIMEOUT_MS)
        page.wait_for_load_state("load")
        if path == "/":
            page.wait_for_selector("#map[data-ready]", state="attached", timeout=TIMEOUT_MS)
        check(page.evaluate("typeof window.__xss") == "undefined", f"xss: window.__xss is set on {path}")
        check(
            page.locator("main img, main script:not([src])").count() == 0, f"xss: an img or inline script element on {path}"
        )
    check(not dialogs, f"xss: a dialog opened: {dialogs}")
    page.close()
    return report_id


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", required=True, help="server over the Aleppo examples")
    ap.add_argument("--xss-base", help="server over the XSS report")
    ap.add_argument("--shots", required=True, help="directory for the screenshots")
    ap.add_argument("--chromium", default=os.environ.get("RASD_CHROMIUM", "/usr/bin/chromium"))
    args = ap.parse_args()
    os.makedirs(args.shots, exist_ok=True)
    base = args.base.rstrip("/")
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path=args.chromium,
                headless=True,
                args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu"],
            )
            try:
                iid, report, story_rows = test_main(browser, base, args.shots)
                print(f"e2e: ok: home → incident {iid} → report {report} → story ({story_rows} reports); ?lang=ar is rtl")
                if args.xss_base:
                    rid = test_xss(browser, args.xss_base.rstrip("/"))
                    print(f"e2e: ok: report {rid} shows its markup as text and runs none of it")
            finally:
                browser.close()
    except Failure as e:
        print(f"e2e: FAILED: {e}", file=sys.stderr)
        return 1
    except PlaywrightError as e:
        print(f"e2e: FAILED (browser): {e}", file=sys.stderr)
        return 1
    except OSError as e:
        print(f"e2e: FAILED (request): {e}", file=sys.stderr)
        return 1
    print(f"e2e: screenshots in {args.shots}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""A PNG of a map page, rendered by headless Chromium driven through Playwright.

Playwright cannot download its own browser here, so it drives Debian's chromium
(scripts/install-browser.sh installs it); GEO_CHROMIUM points elsewhere if needed.
"""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from geo.outputs import atomic_write

if TYPE_CHECKING:
    from collections.abc import Iterator

    from playwright.sync_api import Browser, Page

CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-dev-shm-usage",
)
MARKERS = ".geo-marker"


def chromium_path() -> str | None:
    """The Chromium binary to drive: $GEO_CHROMIUM, /usr/bin/chromium, or one on PATH."""
    for candidate in (os.environ.get("GEO_CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return shutil.which("chromium") or shutil.which("chromium-browser")


@contextmanager
def chromium(playwright: Any = None) -> Iterator[Browser]:
    """A headless Chromium browser, closed on exit; starts Playwright unless given one."""
    executable = chromium_path()
    if executable is None:
        raise RuntimeError("Chromium not found: run scripts/install-browser.sh or set GEO_CHROMIUM")
    if playwright is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as started, chromium(started) as browser:
            yield browser
        return
    browser = playwright.chromium.launch(
        executable_path=executable, headless=True, args=list(CHROMIUM_ARGS)
    )
    try:
        yield browser
    finally:
        browser.close()


def wait_for_map(page: Page, timeout_ms: int = 15_000) -> int:
    """Wait until our script has drawn the events; returns how many it drew."""
    page.wait_for_selector("[data-geo-events]", state="attached", timeout=timeout_ms)
    return int(page.get_attribute("[data-geo-events]", "data-geo-events") or 0)


def render_png(
    html_path: Path | str,
    png_path: Path | str,
    width: int = 1200,
    height: int = 800,
    *,
    settle_ms: int = 1500,
    offline: bool = False,
    browser: Browser | None = None,
) -> Path:
    """Screenshot a map page at width×height CSS pixels into png_path (written atomically).

    Waits for the events to be drawn, then for the network to go quiet (tiles) for at most
    settle_ms. offline=True blocks every request that is not a local file. Pass a running
    Playwright `browser` to reuse it; otherwise one is started and closed.
    """
    html_file = Path(html_path).resolve()
    out = Path(png_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    if browser is None:
        with chromium() as started:
            png = _screenshot(started, html_file, width, height, settle_ms, offline)
    else:
        png = _screenshot(browser, html_file, width, height, settle_ms, offline)
    atomic_write(out, png)
    return out


def _screenshot(
    browser: Browser, html_file: Path, width: int, height: int, settle_ms: int, offline: bool
) -> bytes:
    from playwright.sync_api import Error as PlaywrightError

    context = browser.new_context(viewport={"width": width, "height": height})
    try:
        page = context.new_page()
        if offline:
            page.route("**/*", _only_files)
        page.goto(html_file.as_uri(), wait_until="load")
        wait_for_map(page)
        with suppress(PlaywrightError):  # tiles still loading: take what is there
            page.wait_for_load_state("networkidle", timeout=settle_ms)
        page.wait_for_timeout(300)
        return page.screenshot(full_page=False)
    finally:
        context.close()


def _only_files(route: Any) -> None:
    if route.request.url.startswith(("file:", "data:", "about:")):
        route.continue_()
    else:
        route.abort()

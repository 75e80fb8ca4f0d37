"""Real headless Chromium for the map tests, with the network cut off (file:// only)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

playwright_api = pytest.importorskip("playwright.sync_api")

from maps.png import CHROMIUM_ARGS, chromium_path  # noqa: E402

DATA = Path(__file__).parent.parent / "data" / "maps"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@dataclass
class Watched:
    """What a page did that a reader would not want: errors, dialogs, network requests."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path


@pytest.fixture(scope="session")
def browser():
    executable = chromium_path()
    if executable is None:
        pytest.skip("Chromium not installed (scripts/install-browser.sh)")
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=executable, headless=True, args=list(CHROMIUM_ARGS)
        )
        yield browser
        browser.close()


def _offline(watched: Watched):
    def handle(route):
        url = route.request.url
        if url.startswith(("file:", "data:", "about:")):
            route.continue_()
        else:
            watched.blocked.append(url)
            route.abort()

    return handle


@pytest.fixture
def open_page(browser):
    """open_page(path, width=1200, height=800, mobile=False) → Watched, network blocked."""
    contexts = []

    def opener(path: Path, width: int = 1200, height: int = 800, mobile: bool = False):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            is_mobile=mobile,
            has_touch=mobile,
            device_scale_factor=2 if mobile else 1,
        )
        contexts.append(context)
        context.add_init_script(
            "window.__dialogs = [];"
            "for (const name of ['alert', 'confirm', 'prompt']) {"
            "  window[name] = (...args) => { window.__dialogs.push(name + ':' + args); };"
            "}"
        )
        page = context.new_page()
        watched = Watched(page)
        page.route("**/*", _offline(watched))
        page.on("console", lambda m: m.type == "error" and watched.console_errors.append(m.text))
        page.on("pageerror", lambda e: watched.page_errors.append(str(e)))
        page.on("dialog", lambda d: (watched.dialogs.append(d.message), d.dismiss()))
        page.goto(Path(path).resolve().as_uri(), wait_until="load")
        return watched

    yield opener
    for context in contexts:
        context.close()


def load(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))

#!/bin/sh
# Make sure Debian's Chromium is installed for the browser tests (tests/web/test_browser.py).
# Installs it with apt when missing and possible; never lets Playwright download a browser.
# Exits 0 either way: without Chromium the browser tests skip with a message.
set -u
CHROMIUM=${GESTA_CHROMIUM:-/usr/bin/chromium}
if [ -x "$CHROMIUM" ]; then
    exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure_chromium: no apt-get here; browser tests will be skipped (install chromium at $CHROMIUM)" >&2
    exit 0
fi
if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO="sudo -n"
else
    echo "ensure_chromium: not root and no password-less sudo; browser tests will be skipped" >&2
    exit 0
fi
echo "ensure_chromium: installing Debian's chromium with apt-get" >&2
if $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null; then
    echo "ensure_chromium: installed $CHROMIUM" >&2
else
    echo "ensure_chromium: apt-get could not install chromium; browser tests will be skipped" >&2
fi
exit 0

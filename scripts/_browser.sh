# Browser tests drive Debian's Chromium through Playwright (no browser download works here).
# Installs the chromium package and a CJK font when they are missing; needs root or sudo.
ensure_browser() {
    if [ -x /usr/bin/chromium ] && fc-list 2>/dev/null | grep -qi "noto.*cjk"; then
        return 0
    fi
    echo "Installing Chromium and a CJK font for the browser tests"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
}

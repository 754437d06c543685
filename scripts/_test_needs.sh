# Sourced by scripts/test and .ci/run: installs everything the test suite needs on a fresh machine
# (the virtualenv with requirements-dev.txt, Debian's Chromium and the npm packages the browser tests inject).
# Each ensure_* function is idempotent and quick when its part is already there.
source scripts/_venv.sh
source scripts/_browser.sh
source scripts/_fonts.sh
source scripts/_nginx.sh
source scripts/_axe.sh

install_test_needs() {
    ensure_venv requirements-dev.txt
    ensure_browser
    ensure_fonts
    ensure_nginx
    ensure_axe
}

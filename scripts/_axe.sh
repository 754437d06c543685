# The accessibility browser tests inject axe-core into the pages; it comes from the npm registry into var/axe
# (git-ignored), once, so the tests themselves need no network. Needs npm (Debian's npm package).
AXE_CORE_VERSION="4.14.1"
ensure_axe() {
    if [ -f var/axe/node_modules/axe-core/axe.min.js ] && grep -q "\"version\": \"$AXE_CORE_VERSION\"" var/axe/node_modules/axe-core/package.json; then
        return 0
    fi
    if ! command -v npm >/dev/null; then
        echo "Installing npm for axe-core"
        local sudo=""
        [ "$(id -u)" -ne 0 ] && sudo="sudo"
        $sudo apt-get update -qq >/dev/null
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq npm >/dev/null
    fi
    echo "Installing axe-core $AXE_CORE_VERSION into var/axe"
    mkdir -p var/axe
    npm install --silent --no-audit --no-fund --prefix var/axe "axe-core@$AXE_CORE_VERSION" >/dev/null
}

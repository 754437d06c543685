# The front-cache tests (tests/portal/test_front_cache_nginx.py) and bench/load.py run Debian's nginx with
# the cache purge module, and the load benchmark wrk. Installs them when missing; needs root or sudo.
ensure_nginx() {
    if command -v nginx >/dev/null 2>&1 && [ -e /usr/lib/nginx/modules/ngx_http_cache_purge_module.so ] \
        && command -v wrk >/dev/null 2>&1; then
        return 0
    fi
    echo "Installing nginx, its cache purge module and wrk for the front-cache tests"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nginx libnginx-mod-http-cache-purge wrk >/dev/null
}

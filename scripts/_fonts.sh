# The assessment 通报's PDF embeds, and its charts draw with, a TrueType CJK font (WenQuanYi Zen Hei).
# Installs Debian's fonts-wqy-zenhei when it is missing; needs root or sudo.
ensure_fonts() {
    if [ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ]; then
        return 0
    fi
    echo "Installing the CJK font of the assessment documents"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq fonts-wqy-zenhei >/dev/null
}

# Shared by scripts/run and scripts/test: create .venv if needed and install a requirements file into it.
# Usage: source scripts/_venv.sh; ensure_venv requirements.txt
ensure_venv() {
    local requirements="$1"
    local python="${PYTHON:-python3}"
    if [ ! -x .venv/bin/python ]; then
        echo "Creating virtualenv in .venv"
        "$python" -m venv .venv
        .venv/bin/python -m pip install --quiet --upgrade pip
    fi
    .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
}

# Sourced by scripts/demo and scripts/test: prepares the machine and the virtual environment
# at .venv. Safe to run again; it only installs what is missing or changed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Debian/Ubuntu packages: WeasyPrint's Pango, fonts, gettext for translations, venv support;
# the test command adds chromium for the browser tests. These are every program the code and
# the tests call (tests read PDFs with pypdf, not a system binary); on PostgreSQL the backup
# commands and their tests also call pg_dump and pg_restore.
apt_packages=(python3-venv gettext libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core)
if [ "${DYZO_WITH_BROWSER:-0}" = "1" ]; then
    apt_packages+=(chromium)
fi
if [[ "${DATABASE_URL:-}" == postgres* ]]; then
    apt_packages+=(postgresql-client)
fi

missing=()
for package in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
        || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    sudo_cmd=()
    [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# The newest Python 3.11+ on the machine.
PYTHON=""
for candidate in python3.13 python3.12 python3.11 python3; do
    if command -v "$candidate" >/dev/null \
        && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
        PYTHON="$candidate"
        break
    fi
done
if [ -z "$PYTHON" ]; then
    echo "Dyzo Lokaal needs Python 3.11 or newer." >&2
    exit 1
fi

if [ ! -x .venv/bin/python ]; then
    echo "Creating the virtual environment in .venv with $PYTHON"
    "$PYTHON" -m venv .venv
fi

# Reinstall only when the pinned requirements changed.
stamp=".venv/.requirements.sha256"
wanted="$(sha256sum requirements/dev.txt | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    echo "Installing the pinned Python packages (requirements/dev.txt)"
    # Some machines list extra package folders that do not exist; pip warns per package.
    .venv/bin/python -m pip install --quiet --require-hashes -r requirements/dev.txt \
        2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
    echo "$wanted" > "$stamp"
fi

export PATH="$ROOT/.venv/bin:$PATH"
export DJANGO_SETTINGS_MODULE=dyzo.settings

# Compiled translations are build output, not committed.
python manage.py compilemessages --ignore=.venv -v0

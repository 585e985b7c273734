#!/usr/bin/env bash
# A manual check (not in the test suite: it needs LibreOffice): the chart
# the app copies with Ctrl+Shift+C pastes into LibreOffice Writer as an
# image. Starts the app on the server in FH_CONNINFO, copies the first
# chart, pastes it into a new Writer document through LibreOffice's UNO
# API, and saves that as OUT.odt; prints the image Writer holds.
#
#   build-aux/fh-paste-into-writer.sh OUT.odt
#
# Needs: libreoffice-writer python3-uno xdotool xclip xvfb (apt-get install
# --no-install-recommends), a built tree (_build) and a running demo server
# (eval "$(build-aux/fh-postgres.sh start 1)").
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$(realpath -m "${1:?usage: fh-paste-into-writer.sh OUT.odt}")

if [ "${FH_PASTE_INSIDE:-}" != 1 ]; then
  : "${FH_CONNINFO:?set FH_CONNINFO (build-aux/fh-postgres.sh start)}"
  FH_PASTE_INSIDE=1 exec dbus-run-session -- xvfb-run -a -s "-screen 0 1400x900x24" "$0" "$out"
fi

work=$(mktemp -d)
trap 'kill "${app:-}" "${office:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
cat >"$work/paste.py" <<'PY'
import sys, time, uno
from com.sun.star.beans import PropertyValue

def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p

local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for _ in range(90):
    try:
        ctx = resolver.resolve("uno:socket,host=localhost,port=2002;urp;StarOffice.ComponentContext")
        break
    except Exception:
        time.sleep(1)
else:
    sys.exit("LibreOffice did not start")
smgr = ctx.ServiceManager
desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
doc = desktop.loadComponentFromURL("private:factory/swriter", "_blank", 0, ())
dispatcher = smgr.createInstanceWithContext("com.sun.star.frame.DispatchHelper", ctx)
dispatcher.executeDispatch(doc.getCurrentController().getFrame(), ".uno:Paste", "", 0, ())
time.sleep(2)
graphics = doc.getGraphicObjects()
count = graphics.getCount()
for name in graphics.getElementNames():
    size = graphics.getByName(name).getPropertyValue("Size")
    print("Writer holds image %s, %.1f × %.1f mm" % (name, size.Width / 100, size.Height / 100))
doc.storeToURL(uno.systemPathToFileUrl(sys.argv[1]), (prop("FilterName", "writer8"),))
doc.close(True)
sys.exit(0 if count == 1 else "Writer holds %d images, not 1" % count)
PY

export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR="$top/_build/data"
"$top/_build/src/family-help-dashboard" --conninfo="$FH_CONNINFO" --page=demand >"$work/app.log" 2>&1 &
app=$!
sleep 8
window=$(xdotool search --name "Family Help" | head -n 1)
xdotool windowfocus "$window"
xdotool key --window "$window" ctrl+shift+c
sleep 2
echo "clipboard offers: $(xclip -selection clipboard -t TARGETS -o | grep -c '^image/') image types, PNG: $(xclip -selection clipboard -t image/png -o | file -b - | cut -d, -f1-2)"
soffice --norestore --nologo --nodefault --accept="socket,host=localhost,port=2002;urp;" >"$work/office.log" 2>&1 &
office=$!
/usr/bin/python3 "$work/paste.py" "$out"
echo "saved $out"

#!/usr/bin/env bash
# Real screenshots of the demo dashboard: orgtop runs in xterm under Xvfb (a real X terminal
# rendering real escape sequences), driven through tmux, captured with ImageMagick.
# Writes screenshots/dashboard.png, key-detail.png, help.png and kiosk.png (the wall screen's big
# figures).
#
# Needs (Debian): xvfb xterm imagemagick fonts-dejavu-core tmux. Run from anywhere:
#   bash scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in Xvfb xterm import tmux; do
  command -v "$tool" >/dev/null || { echo "missing $tool: apt-get install xvfb xterm imagemagick tmux" >&2; exit 1; }
done

swift build --product orgtop >/dev/null
binary="$(swift build --show-bin-path)/orgtop"
out=screenshots
mkdir -p "$out"

display=":$((90 + RANDOM % 9))"
socket="orgtop-shots-$$"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
cleanup() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT

# The dashboard runs in a tmux session that xterm attaches to; tmux sends the keys.
tmux -L "$socket" -f /dev/null new-session -d -s shots -x 120 -y 40 \
  "env -u ANTHROPIC_ADMIN_KEY -u ANTHROPIC_ADMIN_API_KEY TERM=tmux-256color $binary --seed 7"
tmux -L "$socket" set-option -g status off
DISPLAY="$display" xterm -tn xterm-256color -geometry 120x40+0+0 -fa 'DejaVu Sans Mono' -fs 10 \
  -bg '#1e1e1e' -fg '#d4d4d4' -bc -e tmux -L "$socket" attach -t shots &

wait_for() {
  for _ in $(seq 1 200); do
    tmux -L "$socket" capture-pane -p -t shots | grep -q -- "$1" && return 0
    sleep 0.1
  done
  echo "timed out waiting for '$1'" >&2
  tmux -L "$socket" capture-pane -p -t shots >&2
  return 1
}

snap() {
  sleep 0.6 # let xterm paint the last frame
  local id
  id=$(DISPLAY="$display" xwininfo -root -tree | awk '/"xterm"/ {print $1; exit}')
  DISPLAY="$display" import -window "${id:-root}" "$out/$1.png"
  echo "wrote $out/$1.png"
}

wait_for "API keys"
wait_for "active"
sleep 2 # the first refresh cycle fills the gauge and sparklines
snap dashboard
tmux -L "$socket" send-keys -t shots Down Down Enter
wait_for "apikey_"
snap key-detail
tmux -L "$socket" send-keys -t shots Escape '?'
wait_for "Navigation"
snap help
tmux -L "$socket" send-keys -t shots Escape q

# The wall screen: kiosk mode, on its page of big figures (pages turn every 5 s here).
sleep 1
tmux -L "$socket" new-session -d -s shots -x 120 -y 40 \
  "env -u ANTHROPIC_ADMIN_KEY -u ANTHROPIC_ADMIN_API_KEY TERM=tmux-256color $binary --seed 7 --kiosk --rotate 5"
tmux -L "$socket" set-option -g status off
DISPLAY="$display" xterm -tn xterm-256color -geometry 120x40+0+0 -fa 'DejaVu Sans Mono' -fs 10 \
  -bg '#1e1e1e' -fg '#d4d4d4' -bc -e tmux -L "$socket" attach -t shots &
# From the dashboard page to the figures page: the snapshot is taken early in its 5 s.
wait_for "API keys"
wait_for "OF THE LIMIT"
snap kiosk
tmux -L "$socket" send-keys -t shots q

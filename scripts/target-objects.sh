#!/bin/sh
# Prints the object files of SwiftPM targets in a build directory, one per line: the objects the
# target's current sources compile to (its output-file-map.json), not every `*.o` in the
# directory, which keeps the objects of deleted or renamed sources and breaks the link.
# Usage: scripts/target-objects.sh BIN_PATH TARGET...
set -eu
bin="$1"
shift
for target in "$@"; do
  python3 -c 'import json, sys
for source, entry in json.load(open(sys.argv[1])).items():
    if source.endswith(".swift") and entry.get("object"):
        print(entry["object"])' "$bin/$target.build/output-file-map.json"
done

#!/bin/sh
# The main job: install what is missing, build, and run the built-in example.
set -eu
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
exec examples/run-demo.sh build

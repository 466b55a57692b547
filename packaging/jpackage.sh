#!/usr/bin/env bash
# Builds a self-contained Kontor app image (and, with TYPE=deb, a Debian package) from
# target/kontor.jar. Run after `mvn -B -DskipTests package`. Output goes to target/dist.
set -euo pipefail
cd "$(dirname "$0")/.."
TYPE="${TYPE:-app-image}"
VERSION="${VERSION:-0.1.0}"
test -f target/kontor.jar || { echo "target/kontor.jar missing: run mvn -B -DskipTests package first" >&2; exit 1; }
rm -rf target/dist target/jpackage-input
mkdir -p target/jpackage-input
cp target/kontor.jar target/jpackage-input/
extra=()
if [ "$TYPE" = "deb" ]; then
  extra+=(--linux-package-deps libgtk-3-0 --linux-shortcut --linux-menu-group Office)
fi
jpackage --type "$TYPE" --name Kontor --app-version "$VERSION" \
  --vendor "Kontor" --description "CRM that makes GDPR compliance the easy path" \
  --input target/jpackage-input --main-jar kontor.jar --main-class de.kontor.Launcher \
  --java-options "-Xmx1g" --dest target/dist "${extra[@]}"
echo "built target/dist ($TYPE)"

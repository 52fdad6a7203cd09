#!/usr/bin/env bash
# Writes the application class-data sharing (AppCDS) archive lib/app/app.jsa into a Linux
# app-image, by running the app once with --smoke-test under -XX:ArchiveClassesAtExit.
#
# Usage: jpackage/train-appcds.sh APP_IMAGE_DIR LAUNCHER_NAME
#
# The launcher's java-options (jpackage/linux.args) point -XX:SharedArchiveFile at that file.
# On JDK 17 a dynamic archive records the absolute class path, so it maps only while the
# app-image stays where it was built. Elsewhere the JVM falls back to the runtime's default
# CDS archive; docs/decisions/0007-packaging.md has the details. A missing archive would turn
# off CDS as a whole, so when no display can be had this script removes the option from the
# launcher.
set -euo pipefail

image=${1:?usage: train-appcds.sh APP_IMAGE_DIR LAUNCHER_NAME}
name=${2:?usage: train-appcds.sh APP_IMAGE_DIR LAUNCHER_NAME}
app=$(cd "$image/lib/app" && pwd -P)
cfg="$app/$name.cfg"
java="$image/lib/runtime/bin/java"
archive="$app/app.jsa"

# The class path exactly as the launcher builds it: the app.classpath lines in file order,
# with $APPDIR replaced by the absolute path of lib/app.
classpath=$(sed -n 's|^app\.classpath=\$APPDIR|'"$app"'|p' "$cfg" | paste -sd:)
main_class=$(sed -n 's/^app\.mainclass=//p' "$cfg")

run_display=()
if [ -z "${DISPLAY:-}" ]; then
  if command -v xvfb-run >/dev/null; then
    run_display=(xvfb-run -a)
  else
    echo "train-appcds: no DISPLAY and no xvfb-run, so no AppCDS archive;" \
      "the launcher keeps only the runtime's default CDS archive" >&2
    sed -i '/^java-options=-XX:SharedArchiveFile=/d' "$cfg"
    exit 0
  fi
fi

# A private home and data folder, so the training run leaves nothing in the builder's home.
# Java takes user.home from the password database, not from $HOME, and the app's settings,
# logs and JavaFX's library cache all follow user.home, so both are set.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
rm -f "$archive"

HOME="$scratch" timeout 180 "${run_display[@]}" "$java" \
  -Duser.home="$scratch" -XX:ArchiveClassesAtExit="$archive" \
  -cp "$classpath" "$main_class" --smoke-test --data-dir "$scratch/data"

if [ ! -s "$archive" ]; then
  echo "train-appcds: the training run exited 0 but wrote no $archive" >&2
  exit 1
fi
echo "train-appcds: wrote $archive ($(du -h "$archive" | cut -f1))"

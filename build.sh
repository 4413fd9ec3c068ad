#!/usr/bin/env bash
# Bootstrapper: restores the pinned Cake tool and runs build.cake. Usage: ./build.sh --target=Report|Test|CI|Build|Clean
set -euo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET 10 SDK is needed: https://dotnet.microsoft.com/download (Debian/Ubuntu: see README.md)" >&2
  exit 3
fi
dotnet tool restore >/dev/null
exec dotnet tool run dotnet-cake build.cake "$@"

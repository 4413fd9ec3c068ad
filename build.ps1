# Bootstrapper: restores the pinned Cake tool and runs build.cake. Usage: ./build.ps1 --target=Report|Test|CI|Build|Clean
$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    Write-Error 'The .NET 10 SDK is needed: https://dotnet.microsoft.com/download'
    exit 3
}
dotnet tool restore | Out-Null
dotnet tool run dotnet-cake build.cake @args
exit $LASTEXITCODE

#Requires -Version 7.0
<#
.SYNOPSIS
Packs the built module (out/ApiTools) into ApiTools.<version>.nupkg, installable from a folder repository.

.DESCRIPTION
Used by `build.ps1 -Task Package` (after Build) and by tests/Pester/Package.Tests.ps1. It does not build.

With PSResourceGet 1.1+ (PowerShell 7.6 ships 1.2) the package is made by Compress-PSResource, which
touches no repository. With an older PSResourceGet it is published to a temporary folder repository
registered under a unique name and unregistered afterwards, so no repository stays registered either way
(PSResourceGet itself creates its default repository store the first time it loads). Both validate the manifest (Author, Description, version...) as Publish-PSResource does.

Returns the .nupkg file. A user installs it with:
    Register-PSResourceRepository -Name Local -Uri <folder> -Trusted
    Install-PSResource ApiTools -Repository Local

.EXAMPLE
./build/Package.ps1 -ModulePath out/ApiTools -OutputDirectory out/packages
#>
[CmdletBinding()]
[OutputType([System.IO.FileInfo])]
param(
    [string] $ModulePath = (Join-Path $PSScriptRoot '../out/ApiTools'),
    [string] $OutputDirectory = (Join-Path $PSScriptRoot '../out/packages')
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

$ModulePath = [System.IO.Path]::GetFullPath($ModulePath)
$OutputDirectory = [System.IO.Path]::GetFullPath($OutputDirectory)
$name = Split-Path -Leaf $ModulePath
$manifestPath = Join-Path $ModulePath "$name.psd1"
if (-not (Test-Path -LiteralPath $manifestPath)) {
    throw "No module to package: '$manifestPath' is missing. Build first (./build.ps1 -Task Build or dotnet build)."
}
# Read as data: the module itself is never imported here (a binary module would stay loaded and locked).
$manifest = Import-PowerShellDataFile -LiteralPath $manifestPath
foreach ($key in 'ModuleVersion', 'Author', 'Description') {
    if (-not $manifest.ContainsKey($key) -or -not "$($manifest[$key])".Trim()) {
        throw "The manifest '$manifestPath' has no $key, which a package needs."
    }
}
$helpFile = Join-Path $ModulePath "en-US/$($manifest.RootModule)-Help.xml"
if (-not (Test-Path -LiteralPath $helpFile)) {
    throw "The module has no help ('$helpFile' is missing); the build makes it from docs/."
}
$version = [string] $manifest.ModuleVersion
$psData = if ($manifest['PrivateData'] -is [hashtable]) { $manifest['PrivateData']['PSData'] }
if ($psData -is [hashtable] -and $psData['Prerelease']) { $version = "$version-$($psData['Prerelease'])" }

Import-Module Microsoft.PowerShell.PSResourceGet -ErrorAction Stop
$null = New-Item -ItemType Directory -Path $OutputDirectory -Force
$package = Join-Path $OutputDirectory "$name.$version.nupkg"
if (Test-Path -LiteralPath $package) { Remove-Item -LiteralPath $package -Force }

if (Get-Command Compress-PSResource -ErrorAction SilentlyContinue) {
    Compress-PSResource -Path $ModulePath -DestinationPath $OutputDirectory
} else {
    $repository = "ApiToolsPackage-$([guid]::NewGuid().ToString('N'))"
    Register-PSResourceRepository -Name $repository -Uri $OutputDirectory -Trusted
    try {
        Publish-PSResource -Path $ModulePath -Repository $repository
    } finally {
        Unregister-PSResourceRepository -Name $repository -ErrorAction SilentlyContinue
    }
}
if (-not (Test-Path -LiteralPath $package)) {
    throw "Packing reported success but '$package' was not produced."
}
Get-Item -LiteralPath $package

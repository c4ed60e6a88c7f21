# Helpers for the Pester end-to-end tests: start/stop the ApiTools emulator from its built DLL (through
# build/Emulator.psm1, which build.ps1's Demo task uses too) and talk to its control endpoints (/_emulator/*).
# Every wait is bounded; nothing sleeps as synchronisation.
Set-StrictMode -Version 3.0

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
Import-Module (Join-Path $script:RepoRoot 'build/Emulator.psm1')

function Get-TestRepoRoot {
    <# The repository root (two levels above tests/Pester). #>
    $script:RepoRoot
}

function Get-TestModulePath {
    <# The module under test: out/ApiTools, imported by path exactly as a user would. #>
    $path = Join-Path $script:RepoRoot 'out/ApiTools/ApiTools.psd1'
    if (-not (Test-Path -LiteralPath $path)) {
        throw "Module not built: '$path' is missing. Run ./build.ps1 first."
    }
    $path
}

function Get-EmulatorDllPath {
    <# The built emulator: the configuration build.ps1 just built ($env:APITOOLS_CONFIGURATION), then Release, then Debug. #>
    $configs = @($env:APITOOLS_CONFIGURATION, 'Release', 'Debug') | Where-Object { $_ } | Select-Object -Unique
    foreach ($c in $configs) {
        $dll = Join-Path $script:RepoRoot "src/ApiTools.Emulator/bin/$c/net10.0/ApiTools.Emulator.dll"
        if (Test-Path -LiteralPath $dll) { return $dll }
    }
    throw "Emulator not built: no ApiTools.Emulator.dll under src/ApiTools.Emulator/bin/{$($configs -join ',')}/net10.0. Run ./build.ps1 first."
}

function Start-TestEmulator {
    <#
    .SYNOPSIS
    Starts the emulator this build made on a free loopback port and returns @{ Address; EvotorBaseUri; Process; ... }.
    .PARAMETER ArgumentList
    Extra emulator switches, e.g. '--evotor-stores', '5', '--max-page-size', '2'.
    #>
    [CmdletBinding()]
    param(
        [string[]] $ArgumentList = @(),
        [string] $EmulatorPath = (Get-EmulatorDllPath),
        [int] $TimeoutSeconds = 30
    )
    Start-Emulator -EmulatorPath $EmulatorPath -ArgumentList $ArgumentList -TimeoutSeconds $TimeoutSeconds
}

function Stop-TestEmulator {
    <# Kills the emulator by PID and waits (bounded) for it to exit. Accepts $null (BeforeAll failed early). #>
    [CmdletBinding()]
    param([Parameter(Position = 0, ValueFromPipeline)] $Emulator)
    process { Stop-Emulator $Emulator }
}

function Invoke-EmulatorControl {
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [string] $Method,
        [Parameter(Mandatory)] [string] $Path,
        $Body
    )
    $params = @{
        Method     = $Method
        Uri        = "$($Emulator.Address)/_emulator/$Path"
        TimeoutSec = 15
    }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $params.ContentType = 'application/json'
        $params.Body = $Body | ConvertTo-Json -Depth 10 -Compress
    }
    Invoke-RestMethod @params
}

function Get-EmulatorRequestCount {
    <#
    .SYNOPSIS
    Requests the emulator served per route key ('GET /evotor/stores', 'GET /evotor/stores/{id}', ...).
    With -Route, the count for that key (0 if none); without, a hashtable of every key.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] $Emulator,
        [Parameter(Position = 1)] [string] $Route
    )
    $response = Invoke-WebRequest -Method Get -Uri "$($Emulator.Address)/_emulator/requests" -TimeoutSec 15
    $json = $response.Content | ConvertFrom-Json -AsHashtable
    if (-not $json) { $json = @{} }
    if ($PSBoundParameters.ContainsKey('Route')) {
        if ($json.ContainsKey($Route)) { [int] $json[$Route] } else { 0 }
    } else {
        $json
    }
}

function Reset-Emulator {
    <# POST /_emulator/reset: clears the request counters (and whatever else the emulator resets). #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator)
    $null = Invoke-EmulatorControl -Emulator $Emulator -Method Post -Path 'reset'
}

function Set-EmulatorSettings {
    <# POST /_emulator/settings with a partial settings object, e.g. @{ maxPageSize = 2; latencyMs = 200 }. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] $Emulator,
        [Parameter(Mandatory, Position = 1)] [System.Collections.IDictionary] $Settings
    )
    $null = Invoke-EmulatorControl -Emulator $Emulator -Method Post -Path 'settings' -Body $Settings
}

function Add-EmulatorFault {
    <# POST /_emulator/faults, e.g. @{ route = 'GET /evotor/stores'; status = 503; times = 1; retryAfterSeconds = 1 }. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory, Position = 0)] $Emulator,
        [Parameter(Mandatory, Position = 1)] [System.Collections.IDictionary] $Fault
    )
    $null = Invoke-EmulatorControl -Emulator $Emulator -Method Post -Path 'faults' -Body $Fault
}

function Clear-EmulatorFault {
    <# DELETE /_emulator/faults: drops every queued fault rule. #>
    [CmdletBinding()]
    param([Parameter(Mandatory, Position = 0)] $Emulator)
    $null = Invoke-EmulatorControl -Emulator $Emulator -Method Delete -Path 'faults'
}

function Invoke-ChildPwsh {
    <#
    .SYNOPSIS
    Runs $Script in a new pwsh process (the same PowerShell as this one) with extra environment variables (an empty value
    removes one); returns its output, and fails on a non-zero exit code.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Script,
        [hashtable] $Environment = @{},
        [string[]] $ArgumentList = @(),
        [string] $WorkFolder = [IO.Path]::GetTempPath()
    )
    $file = Join-Path $WorkFolder "child-$([guid]::NewGuid().ToString('N')).ps1"
    Set-Content -LiteralPath $file -Value $Script -Encoding utf8
    $exe = [Environment]::ProcessPath
    # `dotnet pwsh` (the local tool) runs pwsh.dll in dotnet; an installed pwsh is its own executable.
    $prefix = @(if ([IO.Path]::GetFileNameWithoutExtension($exe) -eq 'dotnet') { Join-Path $PSHOME 'pwsh.dll' })
    $saved = @{}
    $Environment += @{ POWERSHELL_UPDATECHECK = 'Off'; POWERSHELL_TELEMETRY_OPTOUT = '1' }
    foreach ($k in $Environment.Keys) { $saved[$k] = [Environment]::GetEnvironmentVariable($k); [Environment]::SetEnvironmentVariable($k, $Environment[$k]) }
    try {
        $output = & $exe @prefix -NoProfile -NonInteractive -File $file @ArgumentList 2>&1 | ForEach-Object { "$_" }
        $exit = $LASTEXITCODE
    } finally {
        foreach ($k in $saved.Keys) { [Environment]::SetEnvironmentVariable($k, $saved[$k]) }
        Remove-Item -LiteralPath $file -ErrorAction SilentlyContinue
    }
    if ($exit -ne 0) { throw "The child pwsh failed (exit code $exit):`n$($output -join "`n")" }
    $output
}

Export-ModuleMember -Function Invoke-ChildPwsh, Get-TestRepoRoot, Get-TestModulePath, Get-EmulatorDllPath, Start-TestEmulator,
    Stop-TestEmulator, Get-EmulatorLog, Get-EmulatorRequestCount, Reset-Emulator, Set-EmulatorSettings, Add-EmulatorFault,
    Clear-EmulatorFault, Invoke-EmulatorControl

# Helpers for the Pester end-to-end tests: start/stop the ApiTools emulator from its built DLL and talk
# to its control endpoints (/_emulator/*). Every wait is bounded; nothing sleeps as synchronisation.
Set-StrictMode -Version 3.0

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path

# Emulators started and not stopped yet. Kept process-wide (AppDomain data) so the list survives
# `Import-Module -Force` from the next test file; build/Invoke-PesterTests.ps1 stops whatever is left
# after the run (Stop-AllTestEmulator), and an interactive session stops them when it exits.
$script:Started = [AppDomain]::CurrentDomain.GetData('ApiTools.TestEmulators')
if ($null -eq $script:Started) {
    $script:Started = [System.Collections.Generic.List[System.Diagnostics.Process]]::new()
    [AppDomain]::CurrentDomain.SetData('ApiTools.TestEmulators', $script:Started)
}
$script:ExitingSubscription = Register-EngineEvent -SourceIdentifier PowerShell.Exiting -MessageData $script:Started -Action {
    foreach ($p in @($Event.MessageData)) {
        try { if (-not $p.HasExited) { $p.Kill($true); $null = $p.WaitForExit(5000) } } catch { }
    }
}
$ExecutionContext.SessionState.Module.OnRemove = {
    Unregister-Event -SubscriptionId $script:ExitingSubscription.Id -ErrorAction SilentlyContinue
}

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

function ConvertTo-ProcessArgument([string] $Value) {
    # Start-Process joins its arguments with spaces; quote the ones that need it (paths with spaces).
    if ($Value -eq '' -or $Value -match '[\s"]') { '"' + ($Value -replace '"', '\"') + '"' } else { $Value }
}

function Start-TestEmulator {
    <#
    .SYNOPSIS
    Starts the emulator on a free loopback port and returns @{ Address; EvotorBaseUri; Process; ... }.
    .PARAMETER ArgumentList
    Extra emulator switches, e.g. '--evotor-stores', '5', '--max-page-size', '2'.
    #>
    [CmdletBinding()]
    param(
        [string[]] $ArgumentList = @(),
        [string] $EmulatorPath = (Get-EmulatorDllPath),
        [int] $TimeoutSeconds = 30
    )
    $logDir = Join-Path ([System.IO.Path]::GetTempPath()) ("apitools-emulator-" + [guid]::NewGuid().ToString('n'))
    $null = New-Item -ItemType Directory -Path $logDir
    $stdout = Join-Path $logDir 'stdout.log'
    $stderr = Join-Path $logDir 'stderr.log'

    $argv = @($EmulatorPath, '--urls', 'http://127.0.0.1:0') + @($ArgumentList)
    $process = Start-Process -FilePath 'dotnet' -ArgumentList (($argv | ForEach-Object { ConvertTo-ProcessArgument $_ }) -join ' ') `
        -RedirectStandardOutput $stdout -RedirectStandardError $stderr -NoNewWindow -PassThru
    $script:Started.Add($process)

    # Poll the emulator's stdout for its "listening on" line, with a deadline.
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    $address = $null
    while (-not $address) {
        $text = if (Test-Path -LiteralPath $stdout) { Get-Content -LiteralPath $stdout -Raw } else { $null }
        if ($text -match 'ApiTools emulator listening on (http://\S+)') {
            $address = $Matches[1].TrimEnd('/')
            break
        }
        $reason = if ($process.HasExited) { "exited with code $($process.ExitCode)" }
                  elseif ([DateTime]::UtcNow -gt $deadline) { "did not report 'listening on' within $TimeoutSeconds s" }
        if ($reason) {
            $err = if (Test-Path -LiteralPath $stderr) { Get-Content -LiteralPath $stderr -Raw } else { '' }
            Stop-EmulatorProcess $process
            Remove-Item -LiteralPath $logDir -Recurse -Force -ErrorAction SilentlyContinue
            throw "Emulator '$EmulatorPath' $reason.`nstdout:`n$text`nstderr:`n$err"
        }
        Start-Sleep -Milliseconds 50   # poll interval, not synchronisation: the deadline bounds the wait
    }

    [pscustomobject]@{
        PSTypeName    = 'ApiTools.TestEmulator'
        Address       = $address
        EvotorBaseUri = "$address/evotor"
        Process       = $process
        Id            = $process.Id
        LogDirectory  = $logDir
    }
}

function Stop-EmulatorProcess([System.Diagnostics.Process] $Process, [int] $TimeoutSeconds = 10) {
    try {
        if (-not $Process.HasExited) {
            $Process.Kill($true)
            if (-not $Process.WaitForExit($TimeoutSeconds * 1000)) {
                Write-Warning "Emulator process $($Process.Id) did not exit within $TimeoutSeconds s."
            }
        }
    } catch [System.InvalidOperationException] {
        # already gone
    }
    $null = $script:Started.Remove($Process)
}

function Stop-TestEmulator {
    <# Kills the emulator by PID and waits (bounded) for it to exit. Accepts $null (BeforeAll failed early). #>
    [CmdletBinding()]
    param([Parameter(Position = 0, ValueFromPipeline)] $Emulator)
    process {
        if (-not $Emulator) { return }
        Stop-EmulatorProcess $Emulator.Process
        if ($Emulator.LogDirectory) {
            Remove-Item -LiteralPath $Emulator.LogDirectory -Recurse -Force -ErrorAction SilentlyContinue
        }
    }
}

function Stop-AllTestEmulator {
    <# Stops every emulator started in this process and not stopped yet; returns how many there were. #>
    [CmdletBinding()]
    param()
    $left = @($script:Started)
    foreach ($p in $left) { Stop-EmulatorProcess $p }
    $left.Count
}

function Get-EmulatorLog {
    <# The emulator's stdout and stderr so far (for diagnosing a failing test). #>
    param([Parameter(Mandatory, Position = 0)] $Emulator)
    foreach ($name in 'stdout.log', 'stderr.log') {
        $file = Join-Path $Emulator.LogDirectory $name
        if (Test-Path -LiteralPath $file) { "== $name"; Get-Content -LiteralPath $file }
    }
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

Export-ModuleMember -Function Get-TestRepoRoot, Get-TestModulePath, Get-EmulatorDllPath, Start-TestEmulator,
    Stop-TestEmulator, Stop-AllTestEmulator, Get-EmulatorLog, Get-EmulatorRequestCount, Reset-Emulator, Set-EmulatorSettings, Add-EmulatorFault,
    Clear-EmulatorFault, Invoke-EmulatorControl

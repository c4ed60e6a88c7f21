# Starts and stops the ApiTools emulator from its built DLL, for build.ps1's Demo task and the Pester tests
# (tests/Pester/TestHelpers.psm1). The emulator runs as `dotnet <dll>` and is stopped by PID: a process
# started by `dotnet run` outlives a killed parent. Every wait is bounded.
Set-StrictMode -Version 3.0

# Emulators started and not stopped yet. Kept process-wide (AppDomain data) so the list survives
# `Import-Module -Force` (each Pester test file re-imports its helpers); Stop-AllEmulator stops whatever is
# left, and a session stops them when it exits.
$script:Started = [AppDomain]::CurrentDomain.GetData('ApiTools.Emulators')
if ($null -eq $script:Started) {
    $script:Started = [System.Collections.Generic.List[System.Diagnostics.Process]]::new()
    [AppDomain]::CurrentDomain.SetData('ApiTools.Emulators', $script:Started)
}
$script:ExitingSubscription = Register-EngineEvent -SourceIdentifier PowerShell.Exiting -MessageData $script:Started -Action {
    foreach ($p in @($Event.MessageData)) {
        try { if (-not $p.HasExited) { $p.Kill($true); $null = $p.WaitForExit(5000) } } catch { }
    }
}
$ExecutionContext.SessionState.Module.OnRemove = {
    Unregister-Event -SubscriptionId $script:ExitingSubscription.Id -ErrorAction SilentlyContinue
}

function ConvertTo-ProcessArgument([string] $Value) {
    # Start-Process joins its arguments with spaces; quote the ones that need it (paths with spaces).
    if ($Value -eq '' -or $Value -match '[\s"]') { '"' + ($Value -replace '"', '\"') + '"' } else { $Value }
}

function Start-Emulator {
    <#
    .SYNOPSIS
    Starts the emulator on a free loopback port and returns @{ Address; EvotorBaseUri; Process; Id; LogDirectory }.
    .PARAMETER EmulatorPath
    The built ApiTools.Emulator.dll.
    .PARAMETER ArgumentList
    Extra emulator switches, e.g. '--evotor-stores', '5', '--max-page-size', '2'.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $EmulatorPath,
        [string[]] $ArgumentList = @(),
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
        PSTypeName    = 'ApiTools.Emulator'
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

function Stop-Emulator {
    <# Kills the emulator by PID, waits (bounded) for it to exit and removes its logs. Accepts $null (a start that failed early). #>
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

function Stop-AllEmulator {
    <# Stops every emulator started in this process and not stopped yet; returns how many there were. #>
    [CmdletBinding()]
    param()
    $left = @($script:Started)
    foreach ($p in $left) { Stop-EmulatorProcess $p }
    $left.Count
}

function Get-EmulatorLog {
    <# The emulator's stdout and stderr so far (for diagnosing a failure). #>
    param([Parameter(Mandatory, Position = 0)] $Emulator)
    foreach ($name in 'stdout.log', 'stderr.log') {
        $file = Join-Path $Emulator.LogDirectory $name
        if (Test-Path -LiteralPath $file) { "== $name"; Get-Content -LiteralPath $file }
    }
}

Export-ModuleMember -Function Start-Emulator, Stop-Emulator, Stop-AllEmulator, Get-EmulatorLog

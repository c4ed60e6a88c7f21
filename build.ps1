#Requires -Version 7.0
<#
.SYNOPSIS
Builds and tests ApiTools.

.DESCRIPTION
Tasks:
  Build  dotnet build ApiTools.sln; the importable module lands in out/ApiTools, with the help that
         build/HelpBuilder makes from docs/ (en-US/ApiTools.PowerShell.dll-Help.xml, about_ApiTools.help.txt).
  Test   Build, then xunit (dotnet test, TRX into out/test-results), then Pester (tests/Pester) in a fresh
         `dotnet pwsh`. Prints each layer's counts and, as the very last line, "N passed, M failed".
         Exits non-zero if any test failed or a layer did not run.
  Demo   Build, start the emulator on a free port and run examples/quickstart.ps1 (Evotor), planfix.ps1 and
         endocs.ps1 against it, each in a fresh `dotnet pwsh` with its service's variables, as a user's session would.
  Package  Build, then pack out/ApiTools into out/packages/ApiTools.<version>.nupkg (build/Package.ps1, with
         PSResourceGet) and print the commands that install it from that folder.

Needs only the .NET SDK: PowerShell 7.6.9 comes from the local tool manifest (dotnet-tools.json) and
Pester 5.9.1 from NuGet (build/Pester.proj, restored into tools/packages).

.EXAMPLE
dotnet tool restore && dotnet pwsh ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Demo', 'Package')]
    [string] $Task = 'Build',
    [string] $Configuration = 'Release'
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
# Native failures are checked explicitly through $LASTEXITCODE, whatever the caller's preference.
$PSNativeCommandUseErrorActionPreference = $false

$RepoRoot = $PSScriptRoot
$Solution = Join-Path $RepoRoot 'ApiTools.sln'
$ModuleManifest = Join-Path $RepoRoot 'out/ApiTools/ApiTools.psd1'
$TestResultsDir = Join-Path $RepoRoot 'out/test-results'
$PesterVersion = '5.9.1'
$PesterPackages = Join-Path $RepoRoot 'tools/packages'
$PesterManifest = Join-Path $PesterPackages "pester/$PesterVersion/tools/Pester.psd1"
$script:ExitCode = 0

function Write-Step([string] $Message) {
    Write-Host ''
    Write-Host "==> $Message"
}

function Invoke-Dotnet {
    <#
    Runs `dotnet <arguments>` with its output shown as it comes. Throws on a non-zero exit code unless
    -AllowFailure, in which case the exit code is returned.
    #>
    param(
        [Parameter(Mandatory)] [string[]] $ArgumentList,
        [switch] $AllowFailure
    )
    Write-Host "> dotnet $($ArgumentList -join ' ')"
    # Line by line through Write-Host: shown as it comes, and redirectable (*>) when build.ps1 runs in a session.
    & dotnet @ArgumentList | ForEach-Object { Write-Host $_ }
    $exitCode = $LASTEXITCODE
    if ($exitCode -ne 0 -and -not $AllowFailure) {
        throw "dotnet $($ArgumentList[0]) failed with exit code $exitCode."
    }
    if ($AllowFailure) { $exitCode }
}

function Use-Environment {
    <# Runs $Script with the given environment variables set, restoring the previous values afterwards. #>
    param(
        [Parameter(Mandatory)] [hashtable] $Variables,
        [Parameter(Mandatory)] [scriptblock] $Script
    )
    $saved = @{}
    foreach ($name in $Variables.Keys) {
        $saved[$name] = [Environment]::GetEnvironmentVariable($name)
        [Environment]::SetEnvironmentVariable($name, $Variables[$name])
    }
    try {
        & $Script
    } finally {
        foreach ($name in $saved.Keys) { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
}

# Settings for every child `dotnet pwsh`: no update check or telemetry round trips (CI has NuGet only),
# and the configuration this build made, so the tests pick its emulator.
$ChildEnvironment = @{
    POWERSHELL_UPDATECHECK      = 'Off'
    POWERSHELL_TELEMETRY_OPTOUT = '1'
    DOTNET_CLI_TELEMETRY_OPTOUT = '1'
    DOTNET_NOLOGO               = '1'
    APITOOLS_CONFIGURATION      = $Configuration
}

function Restore-PowerShellTool {
    # `dotnet pwsh` needs the pinned tool; a no-op when it is already restored.
    Invoke-Dotnet -ArgumentList 'tool', 'restore'
}

function Get-EmulatorDll {
    $dll = Join-Path $RepoRoot "src/ApiTools.Emulator/bin/$Configuration/net10.0/ApiTools.Emulator.dll"
    if (-not (Test-Path -LiteralPath $dll)) { throw "The build did not produce the emulator at '$dll'." }
    $dll
}

function Invoke-BuildTask {
    Write-Step "Build ($Configuration)"
    Invoke-Dotnet -ArgumentList 'build', $Solution, '-c', $Configuration
    if (-not (Test-Path -LiteralPath $ModuleManifest)) {
        throw "The build succeeded but did not produce the module manifest '$ModuleManifest'."
    }
    Write-Host "Module: $(Split-Path -Parent $ModuleManifest)"
}

function Get-TestProjectCount {
    # Projects of the solution that are test projects (reference the test SDK): each must yield a TRX.
    $count = 0
    foreach ($line in Get-Content -LiteralPath $Solution) {
        if ($line -match '^Project\("\{[^}]+\}"\)\s*=\s*"[^"]*",\s*"([^"]+\.csproj)"') {
            $project = Join-Path $RepoRoot ($Matches[1] -replace '\\', '/')
            if ((Test-Path -LiteralPath $project) -and
                (Select-String -LiteralPath $project -Pattern 'Microsoft\.NET\.Test\.Sdk|<IsTestProject>\s*true' -Quiet)) {
                $count++
            }
        }
    }
    $count
}

function Read-TrxSummary {
    <# Sums the counters of every TRX file under $Directory. #>
    param([string] $Directory)
    $sum = [ordered]@{ Files = 0; Total = 0; Executed = 0; Passed = 0; Failed = 0; Skipped = 0; Aborted = @() }
    foreach ($file in Get-ChildItem -LiteralPath $Directory -Filter '*.trx' -Recurse -File -ErrorAction SilentlyContinue) {
        [xml] $trx = Get-Content -LiteralPath $file.FullName -Raw
        $c = $trx.TestRun.ResultSummary.Counters
        $n = { param($name) $v = $c.GetAttribute($name); if ($v) { [int] $v } else { 0 } }
        $failed = (& $n 'failed') + (& $n 'error') + (& $n 'timeout') + (& $n 'aborted')
        $skipped = (& $n 'notExecuted') + (& $n 'notRunnable') + (& $n 'inconclusive')
        $assembly = $trx.SelectSingleNode("//*[local-name()='TestMethod']/@codeBase")
        $name = if ($assembly) { [System.IO.Path]::GetFileNameWithoutExtension($assembly.Value) } else { $file.Name }
        Write-Host ("  {0}: {1} passed, {2} failed, {3} skipped, {4} executed ({5})" -f $name, (& $n 'passed'), $failed,
            $skipped, (& $n 'executed'), $trx.TestRun.ResultSummary.outcome)
        $sum.Files++
        if ($trx.TestRun.ResultSummary.outcome -in 'Aborted', 'Error', 'Timeout') { $sum.Aborted += $name }
        $sum.Total += & $n 'total'
        $sum.Executed += & $n 'executed'
        $sum.Passed += & $n 'passed'
        $sum.Failed += $failed
        $sum.Skipped += $skipped
    }
    $sum
}

# The reliability tests (tests/ApiTools.Tests/Reliability) append one tab-separated row per fault case.
function Write-FaultSummary([string] $Path) {
    if (-not (Test-Path -LiteralPath $Path)) { return }
    $columns = 'Service', 'Fault', 'Scenario', 'Expected', 'Received', 'Duplicated', 'Retries', 'Outcome'
    $rows = @(Get-Content -LiteralPath $Path -Encoding utf8 | Where-Object { $_ } |
        ConvertFrom-Csv -Delimiter "`t" -Header $columns | Sort-Object Service, Fault, Scenario)
    if ($rows.Count -eq 0) { return }
    Write-Step "Fault injection summary ($($rows.Count) cases)"
    $kinds = @($rows | ForEach-Object Fault | Sort-Object -Unique)
    Write-Host "Fault kinds tried ($($kinds.Count)): $($kinds -join ' | ')"
    $rows | Format-Table -AutoSize -Wrap @(
        'Service', 'Fault', 'Scenario',
        @{ n = 'Expected'; e = { [long] $_.Expected }; a = 'Right' },
        @{ n = 'Received'; e = { [long] $_.Received }; a = 'Right' },
        @{ n = 'Duplicated'; e = { [long] $_.Duplicated }; a = 'Right' },
        @{ n = 'Retries'; e = { [long] $_.Retries }; a = 'Right' },
        'Outcome') | Out-String -Width 200 | Write-Host
    $sum = { param($n) ($rows | Measure-Object -Property $n -Sum).Sum }
    $once = @($rows | Where-Object Outcome -like 'exactly once*').Count
    $stopped = @($rows | Where-Object Outcome -like 'terminating error*').Count
    $hostile = @($rows | Where-Object Outcome -like 'hostile:*').Count
    $writes = $rows.Count - $once - $stopped - $hostile
    $line = ("Outcomes: {0} cases delivered every item exactly once, {1} ended with a terminating error after the items before it " +
        "(each once), {2} were writes (sent as often as was safe), {3} were hostile servers and files (issue 19: ended in bounded " +
        "time, no secret shown, nothing lost quietly). {4} items duplicated in all, {5} retries.") -f $once, $stopped, $writes, $hostile,
        (& $sum Duplicated), (& $sum Retries)
    Write-Host $line
}

function Invoke-TestTask {
    Invoke-BuildTask
    $problems = [System.Collections.Generic.List[string]]::new()
    if (Test-Path -LiteralPath $TestResultsDir) { Remove-Item -LiteralPath $TestResultsDir -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $TestResultsDir

    # --- xunit -------------------------------------------------------------------------------------
    Write-Step 'xunit (dotnet test)'
    $xunitDir = Join-Path $TestResultsDir 'xunit'
    $xunitExit = Invoke-Dotnet -AllowFailure -ArgumentList 'test', $Solution, '-c', $Configuration, '--no-build',
        '--logger', 'trx', '--results-directory', $xunitDir
    $xunit = Read-TrxSummary -Directory $xunitDir
    $expectedTrx = Get-TestProjectCount
    if ($xunit.Files -eq 0) {
        $problems.Add("xunit did not run: no TRX file was produced (dotnet test exit code $xunitExit).")
    } elseif ($xunit.Files -lt $expectedTrx) {
        $problems.Add("xunit: only $($xunit.Files) TRX file(s) for $expectedTrx test project(s); a test project did not run.")
    }
    foreach ($name in $xunit.Aborted) { $problems.Add("xunit: the run of $name was aborted (see its TRX).") }
    if ($xunit.Files -gt 0 -and $xunit.Executed -eq 0) {
        $problems.Add('xunit: 0 tests were executed.')
    }
    if ($xunitExit -ne 0 -and $xunit.Failed -eq 0) {
        $problems.Add("xunit: dotnet test failed with exit code $xunitExit although no test failed.")
    }

    # --- Pester ------------------------------------------------------------------------------------
    Write-Step "Pester $PesterVersion (tests/Pester)"
    $pester = [ordered]@{ Passed = 0; Failed = 0; Skipped = 0; NotRun = 0; OutsideTests = 0 }
    try {
        Restore-PowerShellTool
        Invoke-Dotnet -ArgumentList 'restore', (Join-Path $RepoRoot 'build/Pester.proj'), '--packages', $PesterPackages
        if (-not (Test-Path -LiteralPath $PesterManifest)) { throw "Pester was restored but '$PesterManifest' is missing." }

        # A fresh process: the module under test is binary and can be loaded only once per process.
        $summaryPath = Join-Path $TestResultsDir 'pester-summary.json'
        $pesterExit = Use-Environment $ChildEnvironment {
            Invoke-Dotnet -AllowFailure -ArgumentList 'pwsh', '-NoProfile', '-NonInteractive',
                '-File', (Join-Path $RepoRoot 'build/Invoke-PesterTests.ps1'),
                '-PesterModulePath', $PesterManifest,
                '-TestPath', (Join-Path $RepoRoot 'tests/Pester'),
                '-SummaryPath', $summaryPath,
                '-TestResultPath', (Join-Path $TestResultsDir 'pester.xml')
        }
        if ($pesterExit -ne 0 -or -not (Test-Path -LiteralPath $summaryPath)) {
            $problems.Add("Pester did not run to completion (exit code $pesterExit, no summary).")
        } else {
            $s = Get-Content -LiteralPath $summaryPath -Raw | ConvertFrom-Json
            $pester.Passed = [int] $s.Passed
            # A test file that cannot run, or a failing AfterAll, is a failure too even though no test carries it.
            $pester.OutsideTests = [int] $s.FailuresOutsideTests
            $pester.Failed = [int] $s.Failed + $pester.OutsideTests
            $pester.Skipped = [int] $s.Skipped
            $pester.NotRun = [int] $s.NotRun
            if ($s.Result -ne 'Passed' -and $pester.Failed -eq 0) { $problems.Add("Pester reported the run as '$($s.Result)'.") }
            if ([int] $s.Passed + [int] $s.Failed -eq 0) { $problems.Add('Pester: 0 tests were executed.') }
        }
    } catch {
        $problems.Add("Pester did not run: $($_.Exception.Message)")
    }

    Write-FaultSummary -Path (Join-Path $TestResultsDir 'fault-summary.tsv')

    # --- Summary (the last line is what CI reads) --------------------------------------------------
    $passed = $xunit.Passed + $pester.Passed
    $failed = $xunit.Failed + $pester.Failed
    Write-Step 'Summary'
    Write-Host "xunit:  $($xunit.Passed) passed, $($xunit.Failed) failed, $($xunit.Skipped) skipped ($($xunit.Files) TRX file(s) in $xunitDir)"
    $containers = if ($pester.OutsideTests) { " (including $($pester.OutsideTests) test file(s) or BeforeAll/AfterAll block(s) that failed outside any test)" } else { '' }
    Write-Host "Pester: $($pester.Passed) passed, $($pester.Failed) failed$containers, $($pester.Skipped) skipped, $($pester.NotRun) not run"
    foreach ($p in $problems) { Write-Host "ERROR: $p" }
    Write-Host "$passed passed, $failed failed"
    if ($failed -ne 0 -or $problems.Count -ne 0) { $script:ExitCode = 1 }
}

function Invoke-DemoTask {
    Invoke-BuildTask
    Restore-PowerShellTool
    $emulatorDll = Get-EmulatorDll
    # One implementation of "start the emulator, read its address, stop it by PID", shared with the tests.
    $emulatorModule = Import-Module (Join-Path $RepoRoot 'build/Emulator.psm1') -Force -PassThru
    $emulator = $null
    try {
        # PlanFix's own 1 request/s pacing is the client's job; the emulator's check of it is off for the demo.
        $emulator = Start-Emulator -EmulatorPath $emulatorDll -TimeoutSeconds 30 -ArgumentList '--planfix-rate-per-second', '0'
        Write-Host "Emulator (PID $($emulator.Id)) listening on $($emulator.Address)"
        # Each script gets only its own service's variables, as a user's session would have them.
        $demos = [ordered]@{
            'examples/quickstart.ps1' = @{ EVOTOR_BASE_URI = $emulator.EvotorBaseUri; EVOTOR_TOKEN = 'evotor-demo-token' }
            'examples/planfix.ps1'    = @{
                PLANFIX_BASE_URI = "$($emulator.Address)/planfix/xml/"; PLANFIX_ACCOUNT = 'demo'
                PLANFIX_API_KEY = 'planfix-demo-key'; PLANFIX_TOKEN = 'planfix-demo-token'
            }
            'examples/endocs.ps1'     = @{ ENDOCS_BASE_URI = "$($emulator.Address)/endocs"; ENDOCS_TOKEN = 'endocs-demo-token' }
        }
        foreach ($demo in $demos.Keys) {
            Write-Step "Demo: $demo against the emulator"
            $exitCode = Use-Environment ($ChildEnvironment + $demos[$demo]) {
                Invoke-Dotnet -AllowFailure -ArgumentList 'pwsh', '-NoProfile', '-NonInteractive', '-File', (Join-Path $RepoRoot $demo)
            }
            if ($exitCode -ne 0) { throw "$demo failed with exit code $exitCode." }
        }
        Write-Host 'Demo completed.'
    } finally {
        if ($emulator) {
            Stop-Emulator $emulator
            Write-Host "Emulator (PID $($emulator.Id)) stopped."
        }
        Remove-Module $emulatorModule -Force -ErrorAction SilentlyContinue
    }
}

function Invoke-PackageTask {
    Invoke-BuildTask
    Write-Step 'Package (PSResourceGet)'
    # Packing reads the manifest as data and never imports the module, so this session does not load the DLL.
    $package = & (Join-Path $RepoRoot 'build/Package.ps1') -ModulePath (Split-Path -Parent $ModuleManifest) `
        -OutputDirectory (Join-Path $RepoRoot 'out/packages')
    Write-Host "Package: $($package.FullName)"
    Write-Host 'Install it with:'
    Write-Host "  Register-PSResourceRepository -Name Local -Uri '$($package.DirectoryName)' -Trusted; Install-PSResource ApiTools -Repository Local"
}

Push-Location -LiteralPath $RepoRoot   # `dotnet pwsh` finds the tool manifest from the current folder
try {
    switch ($Task) {
        'Build' { Invoke-BuildTask }
        'Test' { Invoke-TestTask }
        'Demo' { Invoke-DemoTask }
        'Package' { Invoke-PackageTask }
    }
} catch {
    # One plain line (no error-view decoration in CI logs), then a non-zero exit code.
    Write-Verbose $_.ScriptStackTrace
    Write-Host "ERROR: $($_.Exception.Message)"
    $script:ExitCode = 1
} finally {
    Pop-Location
}
exit $script:ExitCode

<#
.SYNOPSIS
Runs the Pester end-to-end tests; build.ps1 starts this in a fresh `dotnet pwsh -NoProfile` process.

.DESCRIPTION
A fresh process because the module under test is a binary module: once loaded it cannot be unloaded,
and it must not be loaded (or locked) in the session that builds it. The counts go to -SummaryPath as
JSON for build.ps1 to read; the exit code is 0 whenever the run completed (failures are in the
counts), non-zero when Pester itself could not run.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $PesterModulePath,
    [Parameter(Mandatory)] [string] $TestPath,
    [Parameter(Mandatory)] [string] $SummaryPath,
    [string] $TestResultPath
)
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

if (Test-Path -LiteralPath $SummaryPath) { Remove-Item -LiteralPath $SummaryPath -Force }

# Import by path only: never whatever Pester happens to be installed on the machine.
Import-Module -Name (Resolve-Path -LiteralPath $PesterModulePath).Path -Force
$pester = Get-Module Pester
Write-Host "Pester $($pester.Version) from $($pester.ModuleBase)"

$config = New-PesterConfiguration
$config.Run.Path = $TestPath
$config.Run.PassThru = $true
$config.Run.Exit = $false
$config.Output.Verbosity = 'Detailed'
# Plain text in CI logs (output redirected) or when NO_COLOR asks for it; colours at a terminal.
if ([Console]::IsOutputRedirected -or $env:NO_COLOR) { $config.Output.RenderMode = 'Plaintext' }
if ($TestResultPath) {
    $config.TestResult.Enabled = $true
    $config.TestResult.OutputFormat = 'NUnitXml'
    $config.TestResult.OutputPath = $TestResultPath
}

try {
    $result = Invoke-Pester -Configuration $config
} finally {
    # A test file that failed between Start-TestEmulator and its AfterAll must not leave an emulator running.
    # The list of started emulators is process-wide, so this import sees every one the tests started.
    Import-Module (Join-Path $PSScriptRoot 'Emulator.psm1')
    $left = Stop-AllEmulator
    if ($left) { Write-Warning "Stopped $left emulator(s) that a test file left running." }
}

# Failures no test carries: a test file that cannot be discovered, or a BeforeAll/AfterAll failing where
# no test in that file/block failed (e.g. an AfterAll). A BeforeAll failure already fails its tests.
$outsideTests = @($result.FailedContainers | Where-Object { $_.FailedCount -eq 0 }).Count +
    @($result.FailedBlocks | Where-Object { $_.FailedCount -eq 0 }).Count

[ordered]@{
    Result                = [string] $result.Result
    Total                 = $result.TotalCount
    Passed                = $result.PassedCount
    Failed                = $result.FailedCount
    Skipped               = $result.SkippedCount
    NotRun                = $result.NotRunCount
    Inconclusive          = $result.InconclusiveCount
    FailedBlocks          = $result.FailedBlocksCount
    FailedContainers      = $result.FailedContainersCount
    Containers            = @($result.Containers).Count
    FailuresOutsideTests  = $outsideTests
} | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath -Encoding utf8

exit 0

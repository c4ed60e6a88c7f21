# One worker process on a shared key, for the multi-process tests (tests/Pester/SharedBudget.Tests.ps1) and benchmarks
# (P9, P10): connects (APITOOLS_REDIS decides whether the budget is shared), waits for -Go if given, makes -Requests
# calls (or calls for -Seconds), each with -Verbose (a refused one shows as "-> 429"), then marks itself done in -Done
# and, once -Workers are done, says what Get-PlanFixQuota counts. Everything it wrote goes to -Out, one line each.
param(
    [Parameter(Mandatory)] [string] $Module,
    [Parameter(Mandatory)] [ValidateSet('Evotor', 'PlanFix')] [string] $Service,
    [Parameter(Mandatory)] [string] $Base,
    [int] $Requests,
    [double] $Seconds,
    [string] $Go,
    [Parameter(Mandatory)] [string] $Done,
    [Parameter(Mandatory)] [int] $Workers,
    [Parameter(Mandatory)] [string] $Out
)
$ErrorActionPreference = 'Continue'
Import-Module $Module
function Wait-Until([scriptblock] $Condition) {
    $deadline = [DateTime]::UtcNow.AddSeconds(180)
    while (-not (& $Condition) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }   # bounded poll
}
$lines = & {
    if ($Service -eq 'Evotor') {
        Connect-Evotor -Token evotor-demo-token -BaseUri $Base -SkipCheck -Verbose
        $store = (Get-EvotorStore -First 1).Id
        $call = { Invoke-EvotorRequest GET "stores/$store" -Verbose | Out-Null }
    } else {
        # Warm up outside the count: a call for another account (refused before PlanFix counts it) loads and compiles the
        # module's HTTP and XML code, and Get-PlanFixQuota connects the shared store; a cold first request would
        # otherwise arrive long after the slot it was given.
        $warm = Connect-PlanFix -Account warm-up -ApiKey planfix-demo-key -Token planfix-demo-token -BaseUri $Base -MaxAttempts 1 -SkipCheck -PassThru
        Invoke-PlanFixRequest task.getList -Connection $warm -ErrorAction SilentlyContinue | Out-Null
        $connection = Connect-PlanFix -Account demo -ApiKey planfix-demo-key -Token planfix-demo-token -BaseUri $Base -SkipCheck -Verbose -PassThru
        $null = Get-PlanFixQuota
        # The store is connecting (a cold process compiles its client): ask it until it answers, so that the counted
        # requests start with the budget shared.
        Wait-Until { $null -eq $connection.RateStore -or ($null = Get-PlanFixQuota) -or $connection.RateStore.IsAvailable }
        $call = { Invoke-PlanFixRequest task.getList -Parameters @{ pageSize = 1 } -Verbose | Out-Null }
    }
    if ($Go) {
        $null = New-Item -ItemType File -Path "$Go.ready.$PID"
        Wait-Until { Test-Path -LiteralPath $Go }
    }
    $clock = [Diagnostics.Stopwatch]::StartNew()
    $made = 0
    while (($Requests -gt 0 -and $made -lt $Requests) -or ($Requests -le 0 -and $clock.Elapsed.TotalSeconds -lt $Seconds)) {
        & $call
        $made++
    }
    $null = New-Item -ItemType File -Path (Join-Path $Done "done.$PID")
    Wait-Until { @(Get-ChildItem -LiteralPath $Done -Filter 'done.*').Count -ge $Workers }
    if ($Service -eq 'PlanFix') { "quota: $((Get-PlanFixQuota).Remaining)" }
} *>&1 | ForEach-Object { "$_" }
Set-Content -LiteralPath $Out -Value $lines

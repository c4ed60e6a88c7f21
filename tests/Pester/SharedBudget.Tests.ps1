# Several pwsh processes on one key, as a user runs them (scheduled jobs, `pwsh -File` workers), against the
# emulator in its own process and garnet-server as the shared store: with APITOOLS_REDIS set they share one budget
# (no 429), without it they do not. The Redis password never shows in anything a worker wrote.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'Garnet.psm1') -Force
    $script:Password = 's3cret-Garnet-Pw'
    $script:garnet = Start-TestGarnet -Password $script:Password
    $script:pwsh = Join-Path $PSHOME $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' })
    $script:work = Join-Path ([IO.Path]::GetTempPath()) ("apitools-workers-" + [guid]::NewGuid().ToString('n'))
    $null = New-Item -ItemType Directory -Path $script:work

    $script:worker = Join-Path (Get-TestRepoRoot) 'tests/Shared/RateWorker.ps1'

    function script:Invoke-Workers($Emulator, [string] $Service, [string] $Base, [int] $Requests, [string] $Redis, [int] $Workers = 3, [int] $Settle = 0) {
        $done = Join-Path $script:work ([guid]::NewGuid().ToString('n'))
        $null = New-Item -ItemType Directory -Path $done
        $go = Join-Path $done 'go'   # every worker connected and warmed up before the counted requests start
        $saved = $env:APITOOLS_REDIS
        $env:APITOOLS_REDIS = $Redis
        try {
            $runs = 1..$Workers | ForEach-Object {
                $out = Join-Path $done "out-$_.txt"
                $argv = @('-NoProfile', '-NonInteractive', '-File', $script:worker, '-Module', (Get-TestModulePath), '-Service', $Service, '-Base', $Base,
                    '-Requests', $Requests, '-Go', $go, '-Done', $done, '-Workers', $Workers, '-Out', $out)
                [pscustomobject]@{ Out = $out; Process = Start-Process -FilePath $script:pwsh -ArgumentList ($argv | ForEach-Object { '"' + $_ + '"' }) -NoNewWindow -PassThru }
            }
        } finally {
            $env:APITOOLS_REDIS = $saved
        }
        $deadline = [DateTime]::UtcNow.AddMinutes(3)
        while (@(Get-ChildItem -LiteralPath $done -Filter 'go.ready.*').Count -lt $Workers) {
            if ([DateTime]::UtcNow -gt $deadline -or @($runs | Where-Object { $_.Process.HasExited }).Count) { throw 'A worker did not get ready.' }
            Start-Sleep -Milliseconds 50   # bounded poll
        }
        # The windows the workers learnt while warming up run out first: a server that wipes a window its clients were
        # told of (as Reset-Emulator does) contradicts what they learnt, which is not what these tests are about.
        Start-Sleep -Milliseconds $Settle
        Reset-Emulator $Emulator   # counters and windows from nothing: the warm-up calls are not counted
        $null = New-Item -ItemType File -Path $go
        foreach ($run in $runs) {
            if (-not $run.Process.WaitForExit(240000)) { $run.Process.Kill($true); throw 'A worker did not finish within 4 minutes.' }
        }
        $runs | ForEach-Object { , @(Get-Content -LiteralPath $_.Out) }
    }
}

AfterAll {
    Stop-TestGarnet $script:garnet
    if ($script:work) { Remove-Item -LiteralPath $script:work -Recurse -Force -ErrorAction SilentlyContinue }
}

Describe 'Three pwsh processes on one PlanFix account at 1 request a second' {
    BeforeAll {
        # The emulator admits a little faster than the module paces (0.8 s apart against 1.025 s): two processes starting
        # together are still refused, while a busy machine's jitter is not what this measures (the benchmark P10 does).
        $script:emu = Start-TestEmulator -ArgumentList '--planfix-rate-per-second', '1.25', '--planfix-quota-header-refresh-ms', '600000'
        $script:base = "$($script:emu.Address)/planfix/xml/"
    }
    AfterAll { Stop-TestEmulator $script:emu }

    It 'share one spacing through APITOOLS_REDIS: none is refused, each sees the count all made, and the password never shows' {
        $outputs = Invoke-Workers -Emulator $script:emu -Service PlanFix -Base $script:base -Requests 3 -Redis $script:garnet.Configuration
        $all = $outputs | ForEach-Object { $_ }

        @($all | Where-Object { $_ -match '-> 429' }).Count | Should -Be 0 -Because ($all -join "`n")
        $served = (Get-EmulatorRequestCount $script:emu)['POST /planfix/xml/ task.getList']
        $served | Should -Be 9
        # Every process sees the account's quota as the server counted it (its header lags by design here).
        $quotas = $all | Where-Object { $_ -like 'quota: *' } | ForEach-Object { [int]($_ -replace 'quota: ') }
        $quotas | Should -HaveCount 3
        $quotas | ForEach-Object { $_ | Should -Be (5000 - 9) }
        ($all -join "`n") | Should -Not -Match ([regex]::Escape($script:Password))
        ($all -join "`n") | Should -Match 'shared in Redis at 127\.0\.0\.1'
    }

    It 'without a shared store the same processes are refused, and each counts only its own quota' {
        $outputs = Invoke-Workers -Emulator $script:emu -Service PlanFix -Base $script:base -Requests 3 -Redis ''
        $all = $outputs | ForEach-Object { $_ }

        @($all | Where-Object { $_ -match '-> 429' }).Count | Should -BeGreaterThan 0
        $quotas = $all | Where-Object { $_ -like 'quota: *' } | ForEach-Object { [int]($_ -replace 'quota: ') }
        $quotas | Where-Object { $_ -eq (5000 - 9) } | Should -BeNullOrEmpty
    }
}

Describe 'Three pwsh processes on one Evotor token against the server''s window' {
    BeforeAll {
        $script:emu = Start-TestEmulator -ArgumentList '--evotor-rate-limit', '5', '--evotor-rate-window-ms', '1000'
    }
    AfterAll { Stop-TestEmulator $script:emu }

    It 'follow one window through APITOOLS_REDIS: none is refused' {
        $outputs = Invoke-Workers -Emulator $script:emu -Service Evotor -Base $script:emu.EvotorBaseUri -Requests 8 -Redis $script:garnet.Configuration -Settle 1200
        $all = $outputs | ForEach-Object { $_ }

        @($all | Where-Object { $_ -match '-> 429' }).Count | Should -Be 0 -Because ($all -join "`n")
        @($all | Where-Object { $_ -match 'GET /stores/[^ ]+ -> 200' }).Count | Should -Be (3 * 8)
        ($all -join "`n") | Should -Not -Match ([regex]::Escape($script:Password))
    }
}

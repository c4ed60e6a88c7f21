# End to end, in real pwsh: throttle waits in ForEach-Object -Parallel are announced in every runspace that waits, as in
# one runspace. An emulator of its own, so this file's PlanFix key is paced at 1 request a second whatever ran before.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:emu = Start-TestEmulator -ArgumentList '--planfix-rate-per-second', '0'
    $script:PlanFixBase = "$($script:emu.Address)/planfix/xml/"
}

AfterAll {
    Disconnect-PlanFix
    Stop-TestEmulator $script:emu
}

Describe 'Throttle waits in parallel runspaces' {
    It 'each runspace that waits over a second behind the others says so' {
        # Four runspaces on one account at PlanFix's one request a second: the last ones wait seconds behind the first.
        $connection = Connect-PlanFix -Account demo -ApiKey planfix-demo-key -Token planfix-demo-token -BaseUri $script:PlanFixBase `
            -RequestsPerSecond 1 -PassThru -SkipCheck
        $module = Get-TestModulePath
        $warned = 1..4 | ForEach-Object -ThrottleLimit 4 -Parallel {
            Import-Module $using:module
            $null = Invoke-PlanFixRequest task.getList -Parameters @{ pageSize = 1 } -Connection $using:connection -WarningVariable w -WarningAction SilentlyContinue
            @($w | Where-Object { "$_" -match 'rate limit' }).Count
        }
        ($warned | Measure-Object -Sum).Sum | Should -BeGreaterOrEqual 2
    }
}


# End to end, in real pwsh: Get-EvotorConnection, Get-PlanFixConnection and Get-EnDocsConnection show the connection in
# effect and where it came from (Connect-*, -Connection, the environment), with its base URI and pace, and never a secret.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:emu = Start-TestEmulator -ArgumentList '--planfix-rate-per-second', '0'
    $script:PlanFixBase = "$($script:emu.Address)/planfix/xml/"
    $script:EnDocsBase = "$($script:emu.Address)/endocs"
    $script:Variables = 'EVOTOR_TOKEN', 'EVOTOR_BASE_URI', 'ENDOCS_TOKEN', 'ENDOCS_BASE_URI', 'PLANFIX_ACCOUNT', 'PLANFIX_API_KEY',
        'PLANFIX_TOKEN', 'PLANFIX_LOGIN', 'PLANFIX_PASSWORD', 'PLANFIX_BASE_URI'
    $script:Saved = @{}
    foreach ($name in $script:Variables) { $script:Saved[$name] = [Environment]::GetEnvironmentVariable($name) }
}

AfterAll {
    foreach ($name in $script:Variables) { [Environment]::SetEnvironmentVariable($name, $script:Saved[$name]) }
    Stop-TestEmulator $script:emu
}

Describe 'Get-*Connection' {
    BeforeEach {
        Disconnect-Evotor; Disconnect-PlanFix; Disconnect-EnDocs
        foreach ($name in $script:Variables) { [Environment]::SetEnvironmentVariable($name, $null) }
    }

    It 'shows the connection Connect-Evotor made, with its base URI and where it came from, and no token' {
        Connect-Evotor -Token 'evotor-demo-token' -BaseUri $script:emu.EvotorBaseUri
        $connection = Get-EvotorConnection
        $connection.BaseUri | Should -Be ([uri]$script:emu.EvotorBaseUri)
        $connection.Source | Should -Be 'Connect-Evotor'
        "$($connection.Pace)" | Should -Match 'X-RateLimit'
        ($connection | Format-List * | Out-String) + ($connection | Out-String) | Should -Not -Match 'evotor-demo-token'
    }

    It 'shows the connection the environment describes, naming the variable' {
        $env:ENDOCS_TOKEN = 'endocs-demo-token'
        $env:ENDOCS_BASE_URI = $script:EnDocsBase
        $connection = Get-EnDocsConnection
        $connection.Source | Should -Match 'ENDOCS_TOKEN'
        "$($connection.Pace)" | Should -Be '300 request(s) a minute'
        ($connection | Format-List * | Out-String) | Should -Not -Match 'endocs-demo-token'
    }

    It 'shows PlanFix''s account, mode, pace and quota, and neither the key nor the token' {
        Connect-PlanFix -Account demo -ApiKey planfix-demo-key -Token planfix-demo-token -BaseUri $script:PlanFixBase -RequestsPerSecond 20
        $connection = Get-PlanFixConnection
        $connection.Account | Should -Be 'demo'
        $connection.AuthMode | Should -Be 'Token'
        "$($connection.Pace)" | Should -Be '20 request(s) a second'
        $connection.DailyQuota | Should -BeGreaterThan 0
        $connection.QuotaRemaining | Should -Not -BeNullOrEmpty -Because 'the check made one call, which PlanFix counted'
        $shown = ($connection | Format-Table | Out-String -Width 300) + ($connection | Format-List * | Out-String)
        $shown | Should -Match 'left'
        $shown | Should -Not -Match 'planfix-demo-key|planfix-demo-token'
    }

    It 'writes -Connection as given, ahead of the session''s' {
        Connect-Evotor -Token 'evotor-demo-token' -BaseUri $script:emu.EvotorBaseUri
        $other = Connect-Evotor -Token 'another-token' -BaseUri 'http://127.0.0.1:9/other' -PassThru -SkipCheck
        Connect-Evotor -Token 'evotor-demo-token' -BaseUri $script:emu.EvotorBaseUri
        (Get-EvotorConnection -Connection $other).BaseUri | Should -Be ([uri]'http://127.0.0.1:9/other')
        (Get-EvotorConnection).BaseUri | Should -Be ([uri]$script:emu.EvotorBaseUri)
    }

    It 'with no connection at all writes nothing and a warning that says how to connect' {
        $result = Get-PlanFixConnection -WarningVariable warned -WarningAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        "$warned" | Should -Match 'Connect-PlanFix'
    }
}

Describe 'A base URI where nothing answers' {
    It 'Connect-Evotor fails after a short try, naming the base URI and where it came from' {
        $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()   # a port nothing listens on
        $base = "http://127.0.0.1:$port/evotor"
        $err = { Connect-Evotor -Token 'nowhere-token-5a1c' -BaseUri $base -MaxAttempts 10 } | Should -Throw -PassThru
        $err.Exception.Message | Should -Match ([regex]::Escape("http://127.0.0.1:$port/evotor"))
        $err.Exception.Message | Should -Match 'check the base URI'
        $err.Exception.Message | Should -Match 'Connect-Evotor'
        $err.Exception.Message | Should -Match 'failed after [1-4] attempts'
        "$err" | Should -Not -Match 'nowhere-token-5a1c'
    }
}

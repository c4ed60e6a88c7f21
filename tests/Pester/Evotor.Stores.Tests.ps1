# End to end, in real pwsh: what a user types against Evotor stores, with the emulator standing in for
# the cloud. The module is imported from out/ApiTools by path, exactly as a user would.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:Token = 'evotor-demo-token'
    $script:emu = Start-TestEmulator -ArgumentList '--evotor-stores', '5'
}

AfterAll {
    Disconnect-Evotor -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:emu
}

Describe 'Get-EvotorStore' {
    BeforeEach {
        Connect-Evotor -Token $script:Token -BaseUri $script:emu.EvotorBaseUri
    }

    It 'returns every seeded store as ApiTools.Evotor.Models.Store' {
        $stores = @(Get-EvotorStore)

        $stores.Count | Should -Be 5
        $stores | ForEach-Object {
            $_.Id | Should -Not -BeNullOrEmpty
            $_.StoreId | Should -Be $_.Id
            $_.Name | Should -Not -BeNullOrEmpty
            $_.CreatedAt | Should -BeOfType ([DateTimeOffset])
            $_.UpdatedAt | Should -BeOfType ([DateTimeOffset])
        }
        @($stores.Id | Select-Object -Unique).Count | Should -Be 5
        @($stores | ForEach-Object { $_.PSObject.TypeNames[0] } | Select-Object -Unique) | Should -Be 'ApiTools.Evotor.Models.Store'
    }

    It 'round-trips through Export-Csv and Import-Csv' {
        $stores = @(Get-EvotorStore)
        $csv = Join-Path $TestDrive 's.csv'

        Get-EvotorStore | Export-Csv -LiteralPath $csv
        $rows = @(Import-Csv -LiteralPath $csv)

        $rows.Count | Should -Be $stores.Count
        $rows.Id | Should -Be $stores.Id
        $rows.Name | Should -Be $stores.Name
        for ($i = 0; $i -lt $rows.Count; $i++) {
            # Readable: the date as text (not a type name), parsing back to the same instant.
            $text = $rows[$i].CreatedAt
            $text | Should -Not -BeNullOrEmpty
            $text | Should -Not -Match 'System\.'
            $parsed = [DateTimeOffset]::Parse($text, [cultureinfo]::CurrentCulture)
            [Math]::Abs(($parsed - $stores[$i].CreatedAt).TotalSeconds) | Should -BeLessThan 1
        }
    }

    It "'-Id' with a missing id writes Evotor.NotFound and still returns the other store" {
        $real = (Get-EvotorStore | Select-Object -First 1).Id
        $Error.Clear()

        $out = @('no-such-id', $real | ForEach-Object { Get-EvotorStore -Id $_ -ErrorAction SilentlyContinue -ErrorVariable +notFound })

        $out.Count | Should -Be 1
        $out[0].Id | Should -Be $real
        $Error[0].FullyQualifiedErrorId | Should -BeLike 'Evotor.NotFound*'
        $Error[0].TargetObject | Should -Be 'no-such-id'
        @($notFound).Count | Should -Be 1
        $notFound[0].FullyQualifiedErrorId | Should -BeLike 'Evotor.NotFound*'
    }

    It 'binds StoreId from the pipeline; a missing id writes Evotor.NotFound and the other store still comes out' {
        $real = (Get-EvotorStore | Select-Object -First 1).Id
        $Error.Clear()

        $out = @([pscustomobject]@{ StoreId = 'no-such-id' }, [pscustomobject]@{ StoreId = $real } |
            Get-EvotorStore -ErrorAction SilentlyContinue)

        $out.Count | Should -Be 1
        $out[0].Id | Should -Be $real
        $Error[0].FullyQualifiedErrorId | Should -BeLike 'Evotor.NotFound*'
        $Error[0].TargetObject | Should -Be 'no-such-id'
    }

    It 'accepts stores from Get-EvotorStore on the pipeline' {
        $stores = @(Get-EvotorStore)
        $again = @($stores | Get-EvotorStore)
        $again.Id | Should -Be $stores.Id
    }

    It 'refuses a wrong token at Connect-Evotor, naming the base URI, and keeps the session''s connection' {
        $wrongToken = 'wrong-token-0b7d24c1'
        $before = Get-EvotorConnection

        $err = { Connect-Evotor -Token $wrongToken -BaseUri $script:emu.EvotorBaseUri } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike 'Evotor.Unauthorized*'
        $err.Exception.Message | Should -BeLike "*$($script:emu.EvotorBaseUri)*"
        ($err | Out-String) + $err.Exception.Message | Should -Not -BeLike "*$wrongToken*"
        (Get-EvotorConnection).BaseUri | Should -Be $before.BaseUri
        @(Get-EvotorStore -First 1).Count | Should -Be 1 -Because 'the connection the session had still works'
    }

    It 'fails with a terminating Evotor.* error for a wrong token, without showing the token' {
        $wrongToken = 'wrong-token-5f1c9e7a'
        Connect-Evotor -Token $wrongToken -BaseUri $script:emu.EvotorBaseUri -SkipCheck

        $err = { Get-EvotorStore } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike 'Evotor.*'
        $err.Exception.Message | Should -Not -BeLike "*$wrongToken*"
        ($err | Out-String) | Should -Not -BeLike "*$wrongToken*"
    }
}

Describe 'Get-EvotorStore | Select-Object -First 1 over several pages' {
    BeforeAll {
        # 5 stores, 2 per page: 3 pages.
        $script:paged = Start-TestEmulator -ArgumentList '--evotor-stores', '5', '--max-page-size', '2'
        Connect-Evotor -Token $script:Token -BaseUri $script:paged.EvotorBaseUri
    }

    AfterAll {
        Stop-TestEmulator $script:paged
    }

    It 'pages through all stores when the whole result is wanted' {
        Reset-Emulator $script:paged

        @(Get-EvotorStore).Count | Should -Be 5
        Get-EmulatorRequestCount $script:paged -Route 'GET /evotor/stores' | Should -Be 3
    }

    It 'costs exactly one request' {
        Reset-Emulator $script:paged

        $first = @(Get-EvotorStore | Select-Object -First 1)

        $first.Count | Should -Be 1
        $first[0].Id | Should -Not -BeNullOrEmpty
        Get-EmulatorRequestCount $script:paged -Route 'GET /evotor/stores' | Should -Be 1
    }
}

Describe 'Environment variables without Connect-Evotor' {
    BeforeAll {
        $script:savedEnv = @{ EVOTOR_TOKEN = $env:EVOTOR_TOKEN; EVOTOR_BASE_URI = $env:EVOTOR_BASE_URI }
    }

    AfterEach {
        foreach ($name in $script:savedEnv.Keys) {
            [Environment]::SetEnvironmentVariable($name, $script:savedEnv[$name])
        }
    }

    It 'uses EVOTOR_TOKEN and EVOTOR_BASE_URI after Disconnect-Evotor' {
        Connect-Evotor -Token $script:Token -BaseUri $script:emu.EvotorBaseUri
        Disconnect-Evotor
        $env:EVOTOR_TOKEN = $script:Token
        $env:EVOTOR_BASE_URI = $script:emu.EvotorBaseUri

        @(Get-EvotorStore).Count | Should -Be 5
    }

    It 'uses EVOTOR_TOKEN and EVOTOR_BASE_URI in a fresh runspace' {
        $env:EVOTOR_TOKEN = $script:Token
        $env:EVOTOR_BASE_URI = $script:emu.EvotorBaseUri

        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript('param($module) Import-Module $module; Get-EvotorStore').AddArgument((Get-TestModulePath))
            $stores = @($ps.Invoke())
            $ps.Streams.Error | Should -BeNullOrEmpty
        } finally {
            $ps.Dispose()
        }

        $stores.Count | Should -Be 5
    }
}

Describe 'Invoke-EvotorRequest' {
    BeforeEach {
        Connect-Evotor -Token $script:Token -BaseUri $script:emu.EvotorBaseUri
    }

    It '-All returns one object per store with an id' {
        $items = @(Invoke-EvotorRequest -Method GET -Path stores -All)

        $items.Count | Should -Be 5
        $items | ForEach-Object {
            $_ | Should -BeOfType ([pscustomobject])
            $_.PSObject.Properties.Name | Should -Contain 'id'
        }
        ($items.id | Sort-Object) | Should -Be (@(Get-EvotorStore).Id | Sort-Object)
    }

    It '-All reads every page' {
        $paged = Start-TestEmulator -ArgumentList '--evotor-stores', '5', '--max-page-size', '2'
        try {
            $items = @(Invoke-EvotorRequest -Method GET -Path stores -All -Connection (
                    Connect-Evotor -Token $script:Token -BaseUri $paged.EvotorBaseUri -PassThru -SkipCheck))
            $items.Count | Should -Be 5
            Get-EmulatorRequestCount $paged -Route 'GET /evotor/stores' | Should -Be 3
        } finally {
            Stop-TestEmulator $paged
        }
    }
}

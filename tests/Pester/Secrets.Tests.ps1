# Issue 8, security: one run that drives all three services through their cmdlets the way users do (reads with
# -Verbose -Debug, writes, an import with a checkpoint, an incremental sync with a state file, files saved, connections
# shown, wrong credentials, injected faults and retries), then collects everything it emitted — every stream, every
# error record with its exception chain, every object's properties and ToString(), $Error, and every file the module
# wrote — and searches it for each secret: the Evotor token, the PlanFix API key, user token, password and session id,
# and the EnDocs token.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:emu = Start-TestEmulator -ArgumentList '--evotor-stores', '1', '--evotor-products-per-store', '20', '--evotor-bulk-duration-ms', '50',
        '--planfix-rate-per-second', '0', '--endocs-rate-limit', '0'
    $script:EvotorToken = 'evotor-demo-token'
    $script:PlanFixKey = 'planfix-demo-key'
    $script:PlanFixToken = 'planfix-demo-token'
    $script:PlanFixPassword = 'demo-password'
    $script:EnDocsToken = 'endocs-demo-token'
    $script:Work = Join-Path $TestDrive 'written'
    $null = New-Item -ItemType Directory -Path $script:Work

    # Everything an object shows: its formatted properties, its ToString(), and for an error the whole exception chain.
    function script:ConvertTo-Evidence {
        param([Parameter(ValueFromPipeline)] $InputObject)
        process {
            if ($null -eq $InputObject) { return }
            ($InputObject | Format-List * -Force | Out-String -Width 400)
            "$InputObject"
            if ($InputObject -is [System.Management.Automation.ErrorRecord]) {
                $InputObject.Exception.ToString()
                "$($InputObject.ErrorDetails)"
                "$($InputObject.TargetObject)"
                $InputObject.InvocationInfo.Line
            }
        }
    }
}

AfterAll {
    Disconnect-Evotor -ErrorAction SilentlyContinue
    Disconnect-PlanFix -ErrorAction SilentlyContinue
    Disconnect-EnDocs -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:emu
}

Describe 'Secrets in everything a run emits' {
    BeforeAll {
        $Error.Clear()
        $base = $script:emu.Address
        $work = $script:Work
        # Held in variables, so the command lines the error records quote carry names, not the secrets themselves.
        $wrongEvotor = 'wrong-evotor-token-5f1e'
        $wrongEnDocs = 'wrong-endocs-token-9a0d'
        $credential = [pscredential]::new('demo', (ConvertTo-SecureString $script:PlanFixPassword -AsPlainText -Force))
        $emitted = & {
            # --- Evotor ---
            Connect-Evotor -Token $script:EvotorToken -BaseUri "$base/evotor" -PassThru -Verbose
            $store = (Get-EvotorStore -Verbose -Debug)[0].Id
            Get-EvotorProduct -StoreId $store -First 3 -Verbose -Debug
            Add-EmulatorFault $script:emu @{ route = 'GET /evotor/stores'; status = 503; times = 1 }
            Get-EvotorStore -Verbose                                               # one retry, announced
            [pscustomobject]@{ Name = 'Secret-free'; Price = '10'; MeasureName = 'шт'; Tax = 'NO_VAT'; Type = 'NORMAL'; AllowToSell = 'true' } |
                New-EvotorProduct -StoreId $store -Verbose -Confirm:$false
            [pscustomobject]@{ Name = ''; Price = 'abc' } | New-EvotorProduct -StoreId $store -Confirm:$false -ErrorAction Continue
            $csv = Join-Path $work 'products.csv'
            Get-EvotorProduct -StoreId $store -First 5 | Select-Object -ExcludeProperty Id | Export-Csv -LiteralPath $csv
            Import-EvotorBulk -StoreId $store -Path $csv -CheckpointPath (Join-Path $work 'import.checkpoint') -Verbose -Confirm:$false
            # A refused credential is a terminating error: caught, and its record kept with the rest.
            try { Get-EvotorStore -Connection (Connect-Evotor -Token $wrongEvotor -BaseUri "$base/evotor" -PassThru) } catch { $_ }

            # --- PlanFix: login mode (key, login, password, sid) and token mode ---
            Connect-PlanFix -Account demo -ApiKey $script:PlanFixKey -Credential $credential -BaseUri "$base/planfix/xml/" -RequestsPerSecond 100 -PassThru -Verbose
            Get-PlanFixTask -First 3 -Verbose -Debug
            Add-EmulatorFault $script:emu @{ route = 'POST /planfix/xml/ task.getList'; expireSid = $true; times = 1 }
            Get-PlanFixTask -First 2 -Verbose                                      # the sid expires: one new login
            New-PlanFixTask -Title 'Secret-free task' -Verbose -Confirm:$false
            Invoke-PlanFixRequest task.getList -Parameters @{ pageSize = 1 } -Verbose
            Get-PlanFixQuota
            Connect-PlanFix -Account demo -ApiKey $script:PlanFixKey -Token $script:PlanFixToken -BaseUri "$base/planfix/xml/" -RequestsPerSecond 100 -PassThru -Verbose
            Get-PlanFixProject -First 2 -Verbose
            $badLogin = [pscredential]::new('demo', (ConvertTo-SecureString 'wrong-password-77c3' -AsPlainText -Force))
            try {
                Get-PlanFixTask -First 1 -Connection (
                    Connect-PlanFix -Account demo -ApiKey $script:PlanFixKey -Credential $badLogin -BaseUri "$base/planfix/xml/" -RequestsPerSecond 100 -PassThru)
            } catch { $_ }

            # --- EnDocs ---
            Connect-EnDocs -Token $script:EnDocsToken -BaseUri "$base/endocs" -PassThru -Verbose
            Get-EnDocsDocument -Type Invoice -StatePath (Join-Path $work 'invoices.state') -Verbose -Debug | Select-Object -First 3
            Get-EnDocsDocument -Type Invoice -StatePath (Join-Path $work 'invoices.state') -Verbose
            Get-EnDocsDocument -Type NonForm | Save-EnDocsFile -Path (Join-Path $work 'files') -Verbose -Confirm:$false
            Set-EnDocsContractor -ExtId 'C-secret-test' -Name 'ООО Проверка' -PassThru -Verbose -Confirm:$false
            try { Get-EnDocsClient -Connection (Connect-EnDocs -Token $wrongEnDocs -BaseUri "$base/endocs" -PassThru) } catch { $_ }
        } *>&1

        $script:evidence = [System.Text.StringBuilder]::new()
        foreach ($item in $emitted) { foreach ($line in ($item | ConvertTo-Evidence)) { [void]$script:evidence.AppendLine($line) } }
        foreach ($item in $Error) { foreach ($line in ($item | ConvertTo-Evidence)) { [void]$script:evidence.AppendLine($line) } }
        $script:files = @(Get-ChildItem -LiteralPath $work -Recurse -File)
        foreach ($file in $script:files) {
            [void]$script:evidence.AppendLine([System.Text.Encoding]::UTF8.GetString([System.IO.File]::ReadAllBytes($file.FullName)))
        }
        $script:text = $script:evidence.ToString()
        $script:emittedCount = @($emitted).Count
    }

    It 'the run did what it says: it emitted objects, verbose lines, warnings and errors, and wrote files' {
        $script:emittedCount | Should -BeGreaterThan 20
        $script:text | Should -Match 'VERBOSE|Evotor GET'
        $script:text | Should -Match 'Evotor\.Unauthorized'
        $script:text | Should -Match 'EnDocs\.Unauthorized'
        $script:text | Should -Match 'PlanFix\.'
        @($script:files.Name) | Should -Contain 'import.checkpoint'
        @($script:files.Name) | Should -Contain 'invoices.state'
        @($script:files | Where-Object { $_.DirectoryName -like '*files*' }).Count | Should -BeGreaterThan 0
    }

    It 'no <Name> anywhere' -ForEach @(
        @{ Name = 'Evotor token'; Secret = 'evotor-demo-token' }
        @{ Name = 'wrong Evotor token'; Secret = 'wrong-evotor-token-5f1e' }
        @{ Name = 'PlanFix API key'; Secret = 'planfix-demo-key' }
        @{ Name = 'PlanFix user token'; Secret = 'planfix-demo-token' }
        @{ Name = 'PlanFix password'; Secret = 'demo-password' }
        @{ Name = 'wrong PlanFix password'; Secret = 'wrong-password-77c3' }
        @{ Name = 'EnDocs token'; Secret = 'endocs-demo-token' }
        @{ Name = 'wrong EnDocs token'; Secret = 'wrong-endocs-token-9a0d' }
    ) {
        $at = $script:text.IndexOf($Secret, [StringComparison]::OrdinalIgnoreCase)
        $context = if ($at -ge 0) { $script:text.Substring([Math]::Max(0, $at - 200), [Math]::Min(400, $script:text.Length - [Math]::Max(0, $at - 200))) } else { '' }
        $at | Should -Be -1 -Because "it showed up here: $context"
    }

    It 'no PlanFix session id anywhere (the emulator makes them 32 hex characters)' {
        $script:text | Should -Not -Match '(?<![0-9A-Fa-f])[0-9a-f]{32}(?![0-9A-Fa-f])'
    }
}

# Issue 8 as users meet it: the cmdlets against an emulator started with fault switches on its command line
# (--fault, --fault-seed), and with faults queued while it runs. Every item arrives exactly once, or the command
# ends with an error that names what was tried, after the items before it.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $productsRoute = 'GET /evotor/stores/{storeId}/products'
    # About one page request in five fails; seed 11 fails some and never five in a row (the attempt limit).
    $fault = @{ route = $productsRoute; status = 503; probability = 0.12; times = 1000 } | ConvertTo-Json -Compress
    $cut = @{ route = $productsRoute; truncateBody = $true; probability = 0.08; times = 1000 } | ConvertTo-Json -Compress
    $script:emu = Start-TestEmulator -ArgumentList '--evotor-stores', '1', '--evotor-products-per-store', '1000', '--max-page-size', '100',
        '--fault', $fault, '--fault', $cut, '--fault-seed', '11', '--planfix-rate-per-second', '0', '--planfix-tasks', '300',
        '--endocs-rate-limit', '0', '--endocs-invoices', '2000'
    $script:ProductsRoute = $productsRoute
    Connect-Evotor -Token 'evotor-demo-token' -BaseUri $script:emu.EvotorBaseUri
    $script:Store = (Get-EvotorStore).Id
}

AfterAll {
    Disconnect-Evotor -ErrorAction SilentlyContinue
    Disconnect-PlanFix -ErrorAction SilentlyContinue
    Disconnect-EnDocs -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:emu
}

Describe 'Faults from the emulator''s command line' {
    It 'the switches took: pending rules show the seeded probabilities' {
        # Invoke-RestMethod writes a JSON array as one object: ForEach-Object unrolls it.
        $pending = @(Invoke-EmulatorControl -Emulator $script:emu -Method Get -Path 'faults' | ForEach-Object { $_ })
        $pending.Count | Should -Be 2
        $pending[0].probability | Should -Be 0.12
        (Invoke-EmulatorControl -Emulator $script:emu -Method Get -Path 'faults/seed').seed | Should -Be 11
    }

    It 'Get-EvotorProduct gives every product exactly once while pages fail and break off' {
        $before = Get-EmulatorRequestCount $script:emu $script:ProductsRoute
        $products = @(Get-EvotorProduct -StoreId $script:Store -Verbose 4>&1 | Tee-Object -Variable all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $requests = (Get-EmulatorRequestCount $script:emu $script:ProductsRoute) - $before

        $products.Count | Should -Be 1000
        @($products.Id | Sort-Object -Unique).Count | Should -Be 1000
        $requests | Should -BeGreaterThan 10 -Because 'ten pages, and some of them failed first (else the test tested nothing)'
        @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -match '503' }).Count | Should -BeGreaterThan 0
    }
}

Describe 'A fault that does not stop' {
    AfterEach { Clear-EmulatorFault $script:emu }

    It 'ends Get-EvotorProduct with a terminating Evotor.Unavailable naming the attempts, after the products before it, each once' {
        Clear-EmulatorFault $script:emu
        Add-EmulatorFault $script:emu @{ route = $script:ProductsRoute; status = 503; skip = 3; times = 1000 }
        # Two attempts, so the test waits one backoff step, not four.
        $connection = Connect-Evotor -Token 'evotor-demo-token' -BaseUri $script:emu.EvotorBaseUri -MaxAttempts 2 -PassThru
        $products = [System.Collections.Generic.List[object]]::new()
        $failed = $null
        try { Get-EvotorProduct -StoreId $script:Store -Connection $connection | ForEach-Object { $products.Add($_) } }
        catch { $failed = $_ }

        $products.Count | Should -Be 300
        @($products.Id | Sort-Object -Unique).Count | Should -Be 300
        $failed | Should -Not -BeNullOrEmpty -Because 'a spent retry budget ends the command'
        $failed.FullyQualifiedErrorId | Should -BeLike 'Evotor.Unavailable*'
        $failed.Exception.Message | Should -Match 'failed after 2 attempts in .* \(503 service_unavailable, 503'
    }
}

Describe 'PlanFix and EnDocs under faults' {
    It 'Get-PlanFixTask gives every task once when the session expires twice on the way' {
        $credential = [pscredential]::new('demo', (ConvertTo-SecureString 'demo-password' -AsPlainText -Force))
        Connect-PlanFix -Account demo -ApiKey 'planfix-demo-key' -Credential $credential -BaseUri "$($script:emu.Address)/planfix/xml/" -RequestsPerSecond 100 -SkipCheck
        Add-EmulatorFault $script:emu @{ route = 'POST /planfix/xml/ task.getList'; expireSid = $true; skip = 1 }
        Add-EmulatorFault $script:emu @{ route = 'POST /planfix/xml/ task.getList'; expireSid = $true; skip = 2 }
        $logins = Get-EmulatorRequestCount $script:emu 'POST /planfix/xml/ auth.login'

        $tasks = @(Get-PlanFixTask)

        $tasks.Count | Should -Be 300
        @($tasks.Id | Sort-Object -Unique).Count | Should -Be 300
        (Get-EmulatorRequestCount $script:emu 'POST /planfix/xml/ auth.login') - $logins | Should -Be 3 -Because 'the first login and one for each expiry'
    }

    It 'Get-EnDocsDocument gives every invoice once when the answer breaks off, and says it went on' {
        Connect-EnDocs -Token 'endocs-demo-token' -BaseUri "$($script:emu.Address)/endocs"
        $all = @(Get-EnDocsDocument -Type Invoice)
        Add-EmulatorFault $script:emu @{ route = 'GET /endocs/Output/GetNewInvoices/{docId}/{requestId}'; truncateBody = $true; times = 2 }

        $again = @(Get-EnDocsDocument -Type Invoice -WarningVariable warned 3>$null)

        $again.Count | Should -Be $all.Count
        @($again.Id) | Should -Be @($all.Id)
        $warned.Count | Should -Be 2
        "$($warned[0])" | Should -Match 'asking again for the documents after id'
    }
}

# End to end, in real pwsh: the Evotor read side as users type it. Products through Export-Csv and back
# under two cultures, documents of the last day, -First that costs one request, and the README's usage.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:Token = 'evotor-demo-token'
    $script:emu = Start-TestEmulator -ArgumentList '--evotor-stores', '3', '--evotor-products-per-store', '7', '--max-page-size', '4', '--evotor-bulk-duration-ms', '50'
}

AfterAll {
    Disconnect-Evotor -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:emu
}

Describe 'Get-EvotorStore | Get-EvotorProduct | Export-Csv, then Import-Csv, under <_>' -ForEach @('en-US', 'ru-RU') {
    BeforeAll {
        $script:saved = [cultureinfo]::CurrentCulture
        [cultureinfo]::CurrentCulture = $_
        Connect-Evotor -Token $script:Token -BaseUri $script:emu.EvotorBaseUri
        $script:products = @(Get-EvotorStore | Get-EvotorProduct)
        $script:csv = Join-Path $TestDrive "p-$_.csv"
        Get-EvotorStore | Get-EvotorProduct | Export-Csv -LiteralPath $script:csv
        $script:rows = @(Import-Csv -LiteralPath $script:csv)
    }
    AfterAll {
        [cultureinfo]::CurrentCulture = $script:saved
    }

    It 'writes every seeded product once, typed on the way out' {
        $script:products.Count | Should -Be 21
        @($script:products.Id | Select-Object -Unique).Count | Should -Be 21
        $script:products[0].PSObject.TypeNames[0] | Should -Be 'ApiTools.Evotor.Models.Product'
        $script:rows.Count | Should -Be 21
        $script:rows.Id | Should -Be $script:products.Id
    }

    It 'writes lists as a;b;c' {
        $withBarcodes = @($script:products | Where-Object { $null -ne $_.Barcodes -and $_.Barcodes.Count -gt 1 })
        $withBarcodes.Count | Should -BeGreaterThan 0
        foreach ($p in $withBarcodes) {
            $row = $script:rows | Where-Object Id -eq $p.Id
            $row.Barcodes | Should -Be ($p.Barcodes -join ';')
            $row.Barcodes | Should -Not -Match 'System\.'
        }
    }

    It 'writes decimals as the session culture does, and they read back exactly' {
        $culture = [cultureinfo]::CurrentCulture
        $priced = @($script:products | Where-Object { $null -ne $_.Price -and $_.Price -ne [math]::Floor($_.Price) })
        $priced.Count | Should -BeGreaterThan 0
        foreach ($p in $priced) {
            $row = $script:rows | Where-Object Id -eq $p.Id
            $row.Price | Should -Be $p.Price.ToString($culture)
            [decimal]::Parse($row.Price, $culture) | Should -Be $p.Price
        }
        if ($culture.Name -eq 'ru-RU') { $priced[0].Price.ToString($culture) | Should -Match ',' }
    }

    It 'keeps names with commas and quotes intact' {
        foreach ($p in $script:products) {
            ($script:rows | Where-Object Id -eq $p.Id).Name | Should -BeExactly $p.Name
        }
    }
}

Describe 'Paging costs on full pages of 1000' {
    BeforeAll {
        # Default page size: the next page starts only once item 101 of 1000 is asked for.
        $script:big = Start-TestEmulator -ArgumentList '--evotor-stores', '1', '--evotor-products-per-store', '2500'
    }
    AfterAll {
        Stop-TestEmulator $script:big
    }
    BeforeEach {
        Connect-Evotor -Token $script:Token -BaseUri $script:big.EvotorBaseUri
        $script:store = (Get-EvotorStore -First 1).Id
        Reset-Emulator $script:big
    }

    It '<_> costs exactly one products request' -ForEach @(
        'Get-EvotorProduct -StoreId $store | Select-Object -First 5'
        'Get-EvotorProduct -StoreId $store -First 5'
    ) {
        $store = $script:store
        $items = @(& ([scriptblock]::Create($_)))
        $items.Count | Should -Be 5
        Get-EmulatorRequestCount $script:big 'GET /evotor/stores/{storeId}/products' | Should -Be 1
    }
}

Describe 'Get-EvotorDocument' {
    BeforeEach {
        Connect-Evotor -Token $script:Token -BaseUri $script:emu.EvotorBaseUri
    }

    It 'finds the sales of the last day in every store' {
        $since = (Get-Date).AddDays(-1)
        $docs = @(Get-EvotorDocument -Since $since -Type SELL)
        $docs.Count | Should -BeGreaterThan 0
        $docs | ForEach-Object {
            $_.Type | Should -Be 'SELL'
            $_.CloseDate | Should -BeGreaterOrEqual ([DateTimeOffset]$since)
            $_.Positions.Count | Should -BeGreaterThan 0
        }
        @($docs.StoreId | Select-Object -Unique).Count | Should -Be 3
    }

    It 'follows a terminal from Get-EvotorDevice' {
        $device = Get-EvotorDevice -First 1
        $docs = @($device | Get-EvotorDocument)
        $docs.Count | Should -BeGreaterThan 0
        $docs | ForEach-Object { $_.DeviceId | Should -Be $device.Id }
    }
}

Describe 'The README usage block' {
    It 'runs as written against the emulator' {
        $readme = Get-Content -Raw -LiteralPath (Join-Path (Get-TestRepoRoot) 'README.md')
        $block = [regex]::Match($readme, '(?s)## Usage\s+```powershell\r?\n(.*?)```').Groups[1].Value
        $block | Should -Not -BeNullOrEmpty
        # The README imports by relative path from the repo root and writes CSVs to the current folder.
        $script = $block.Replace('Import-Module ./out/ApiTools', "Import-Module '$(Get-TestModulePath)'")
        $two = @(Get-EvotorStore -First 2)
        $vars = @{ token = $script:Token; otherToken = 'evotor-demo-token-2'; storeId = $two[0].Id; otherStoreId = $two[1].Id }
        Push-Location $TestDrive
        try {
            $env:EVOTOR_BASE_URI = $script:emu.EvotorBaseUri
            # As the README says: EVOTOR_BASE_URI points Connect-Evotor and every cmdlet at the emulator.
            $sb = [scriptblock]::Create("param(`$token, `$otherToken, `$storeId, `$otherStoreId)`n" + $script)
            $output = & $sb @vars -ErrorAction Stop 2>&1
            @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and $_.FullyQualifiedErrorId -notlike 'Evotor.NotFound*' }) | Should -BeNullOrEmpty
            Test-Path (Join-Path $TestDrive 'stores.csv') | Should -BeTrue
            Test-Path (Join-Path $TestDrive 'products.checkpoint') | Should -BeTrue
        } finally {
            Pop-Location
            Remove-Item Env:EVOTOR_BASE_URI -ErrorAction SilentlyContinue
        }
    }
}

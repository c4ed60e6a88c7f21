# End to end, in real pwsh: the Evotor cmdlets against answers in the shapes Evotor's references show (the emulator's
# --evotor-shapes, --evotor-write-answer and --evotor-image-answer settings), as a user types them. Every listing comes
# out whole, odd fields are one warning each, writes answered without a body give their usual result once, and images
# come from their URL without the token.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:Token = 'evotor-demo-token'
    $script:emu = Start-TestEmulator -ArgumentList '--evotor-stores', '1', '--evotor-employees', '9', '--evotor-products-per-store', '4', '--evotor-documents-per-store', '200',
        '--max-page-size', '4', '--evotor-shapes', 'Documentation', '--evotor-write-answer', 'Created', '--evotor-image-answer', 'Metadata'
    Connect-Evotor -Token $script:Token -BaseUri $script:emu.EvotorBaseUri
    $script:Store = (Get-EvotorStore -First 1).Id
}

AfterAll {
    Disconnect-Evotor -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:emu
}

Describe 'Listings in the documentation''s shapes' {
    It 'gives every employee, phones as text and stores as ids, with one warning per odd field' {
        $employees = @(Get-EvotorEmployee -WarningVariable warned -WarningAction SilentlyContinue)

        $employees.Count | Should -Be 9
        $employees | ForEach-Object { $_.Phone | Should -Match '^\d+$'; $_.Stores[0] | Should -Be $script:Store }
        @($warned).Count | Should -Be 2
        ($warned -join "`n") | Should -Match "field 'phone'"
        ($warned -join "`n") | Should -Match "field 'stores'"
    }

    It 'types wrapped positions and payments, and writes one line per document to CSV' {
        $sales = @(Get-EvotorDocument -StoreId $script:Store -Type SELL -First 5)
        $csv = Join-Path $TestDrive 'sales.csv'
        $sales | Export-Csv -LiteralPath $csv -NoTypeInformation

        $sales | ForEach-Object { $_.Positions.Count | Should -BeGreaterThan 0; $_.Positions[0].ProductName | Should -Not -BeNullOrEmpty }
        (Get-Content -LiteralPath $csv).Count | Should -Be ($sales.Count + 1)
        $back = @(Import-Csv -LiteralPath $csv)
        $back[0].Positions | Should -Not -Match ' x = '
        $back[0].Payments | Should -Match '^(CASH|ELECTRON) '
    }

    It 'reads every document type the reference lists, its body kept whole in BodyExtra' {
        $docs = @(Get-EvotorDocument -StoreId $script:Store -Type Z_REPORT, POS_OPEN_SESSION, REVALUATION)

        ($docs.Type | Sort-Object -Unique) | Should -Be @('POS_OPEN_SESSION', 'REVALUATION', 'Z_REPORT')
        ($docs | Where-Object Type -eq 'Z_REPORT' | Select-Object -First 1).BodyExtra.sales.summ | Should -BeOfType [decimal]
        ($docs | Where-Object Type -eq 'REVALUATION' | Select-Object -First 1).Positions[0].Extra.price.after | Should -BeOfType [decimal]
    }
}

Describe 'Writes answered 201 without a body' {
    It 'create a product at today''s tax rate once and give it back with its id' {
        $before = Get-EmulatorRequestCount $script:emu -Route 'POST /evotor/stores/{storeId}/products'
        $p = New-EvotorProduct -StoreId $script:Store -Name 'Сидр' -Price 120 -Tax VAT_20 -MeasureName 'бутылка 0,5 л' -Confirm:$false

        $p.Id | Should -Not -BeNullOrEmpty
        $p.Tax | Should -Be 'VAT_20'
        (Get-EvotorProduct -StoreId $script:Store -Id $p.Id).MeasureName | Should -Be 'бутылка 0,5 л'
        (Get-EmulatorRequestCount $script:emu -Route 'POST /evotor/stores/{storeId}/products') | Should -Be ($before + 1)
    }

    It 'import long descriptions in bulk: they go, and the task named by Location is followed' {
        $rows = 1..3 | ForEach-Object { [pscustomobject]@{ Name = "Товар $_"; Price = 10; MeasureName = 'шт'; Tax = 'VAT_20'; AllowToSell = $true; Type = 'NORMAL'; Description = 'д' * 3000 } }
        $results = @($rows | Import-EvotorBulk -StoreId $script:Store)

        $results.Status | Should -Be @('Ok', 'Ok', 'Ok')
        @(Get-EvotorProduct -StoreId $script:Store | Where-Object { $_.Description -and $_.Description.Length -eq 3000 }).Count | Should -Be 3
    }
}

Describe 'Images as metadata with a URL' {
    It 'saves the PNG from the URL on another host, without the token' {
        $product = Get-EvotorProduct -StoreId $script:Store -First 1
        $png = Join-Path $TestDrive 'p.png'
        [IO.File]::WriteAllBytes($png, [Convert]::FromBase64String('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAADklEQVR4nGNgYGBgYAAAAAUAAXpeqz8AAAAASUVORK5CYII='))
        $null = $product | Add-EvotorProductImage -Path $png -Confirm:$false

        $image = $product | Get-EvotorProductImage
        $file = $image | Save-EvotorProductImage -Path (Join-Path $TestDrive 'out') -Confirm:$false

        $image.Url | Should -Not -Match ([regex]::Escape(([uri]$script:emu.EvotorBaseUri).Authority))
        [IO.File]::ReadAllBytes($file.FullName) | Should -Be ([IO.File]::ReadAllBytes($png))
    }
}

# End to end, in real pwsh: Import-EvotorBulk as users type it. A store's CSV export recreated in another
# store through the pipeline and through -Path, field by field, under two cultures; the fix-and-retry
# file; -WhatIf sends nothing.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:emu = Start-TestEmulator -ArgumentList '--evotor-stores', '5', '--evotor-products-per-store', '40', '--evotor-bulk-duration-ms', '50'
    Connect-Evotor -Token 'evotor-demo-token' -BaseUri $script:emu.EvotorBaseUri
    $script:stores = @((Get-EvotorStore).Id)
    $script:A = $script:stores[0]

    function script:Get-WriteCount {
        $counts = Get-EmulatorRequestCount $script:emu
        [int](($counts.Keys | Where-Object { $_ -notlike 'GET *' } | ForEach-Object { $counts[$_] } | Measure-Object -Sum).Sum)
    }

    function script:Assert-SameProducts($Want, $Got, $Store) {
        $Got.Count | Should -Be $Want.Count
        foreach ($w in $Want) {
            $g = $Got | Where-Object Id -eq $w.Id
            $g.StoreId | Should -Be $Store
            foreach ($field in 'Name', 'ParentId', 'Type', 'MeasureName', 'Tax', 'AllowToSell', 'Price', 'CostPrice', 'Quantity', 'Description',
                'ArticleNumber', 'Code', 'AlcoholByVolume', 'AlcoholProductKindCode', 'TareVolume') {
                $g.$field | Should -Be $w.$field -Because "$field of $($w.Name)"
            }
            "$($g.Barcodes)" | Should -Be "$($w.Barcodes)"
            "$($g.AlcoCodes)" | Should -Be "$($w.AlcoCodes)"
            "$($g.AttributesChoices)" | Should -Be "$($w.AttributesChoices)"
        }
    }
}

AfterAll {
    Disconnect-Evotor -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:emu
}

Describe 'Round trip into another store under <Culture>, <Via>' -ForEach @(
    @{ Culture = 'en-US'; Via = 'the pipeline'; Target = 1 }
    @{ Culture = 'ru-RU'; Via = 'the pipeline'; Target = 2 }
    @{ Culture = 'en-US'; Via = '-Path'; Target = 3 }
    @{ Culture = 'ru-RU'; Via = '-Path'; Target = 4 }
) {
    BeforeAll {
        $script:saved = [cultureinfo]::CurrentCulture
        [cultureinfo]::CurrentCulture = $Culture
        $script:B = $script:stores[$Target]
        $groups = Join-Path $TestDrive "g$Target.csv"
        $products = Join-Path $TestDrive "p$Target.csv"
        Get-EvotorProductGroup -StoreId $script:A | Export-Csv -LiteralPath $groups
        $script:want = @(Get-EvotorProduct -StoreId $script:A)
        $script:want | Export-Csv -LiteralPath $products
        if ($Via -eq '-Path') {
            $script:groupResults = @(Import-EvotorBulk -StoreId $script:B -Kind ProductGroup -Path $groups)
            $script:results = @(Import-EvotorBulk -StoreId $script:B -Path $products)
        } else {
            $script:groupResults = @(Import-Csv -LiteralPath $groups | Import-EvotorBulk -StoreId $script:B -Kind ProductGroup)
            $script:results = @(Import-Csv -LiteralPath $products | Import-EvotorBulk $script:B)
        }
        $script:got = @(Get-EvotorProduct -StoreId $script:B -Id $script:want.Id)
    }
    AfterAll {
        [cultureinfo]::CurrentCulture = $script:saved
    }

    It 'reports every row Ok, in input order' {
        $script:groupResults.Status | Select-Object -Unique | Should -Be 'Ok'
        $script:results.Count | Should -Be $script:want.Count
        $script:results.Row | Should -Be (1..$script:want.Count)
        $script:results.Status | Select-Object -Unique | Should -Be 'Ok'
        $script:results.Id | Should -Be $script:want.Id
        $script:results[0].PSObject.TypeNames[0] | Should -Be 'ApiTools.Evotor.Bulk.BulkImportResult'
    }

    It 'recreates every product with every field equal' {
        Assert-SameProducts $script:want $script:got $script:B
    }
}

Describe 'The fix-and-retry file' {
    It 'holds exactly the rows that did not go, with their row numbers and reasons' {
        $csv = Join-Path $TestDrive 'mixed.csv'
        $rows = foreach ($i in 1..12) {
            [pscustomobject]@{
                Name = "Товар $i"; MeasureName = 'шт'; Tax = 'NO_VAT'; AllowToSell = 'True'; Type = 'NORMAL'
                Price = if ($i -in 4, 9) { '1,234.50' } else { "$i.50" }
            }
        }
        $rows | Export-Csv -LiteralPath $csv
        $errors = Join-Path $TestDrive 'errors.csv'

        Import-EvotorBulk -StoreId $script:stores[1] -Path $csv -ErrorAction SilentlyContinue -ErrorVariable failed |
            Where-Object Status -ne 'Ok' | Export-Csv -LiteralPath $errors

        $back = @(Import-Csv -LiteralPath $errors)
        $back.Row | Should -Be @('4', '9')
        $back.Status | Select-Object -Unique | Should -Be 'Invalid'
        $back[0].Violations | Should -Match '^Price: '
        $failed.Count | Should -Be 2
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Evotor.ValidationFailed*'
        $failed[0].Exception.Message | Should -Match 'row 4'
    }
}

Describe '-WhatIf' {
    It 'checks every row, sends nothing, and names each chunk it would send' {
        $csv = Join-Path $TestDrive 'whatif.csv'
        Get-EvotorProduct -StoreId $script:A | Export-Csv -LiteralPath $csv
        Reset-Emulator $script:emu
        $log = Join-Path $TestDrive 'whatif.txt'
        Start-Transcript -LiteralPath $log | Out-Null
        try { $out = @(Import-EvotorBulk -StoreId $script:stores[1] -Path $csv -WhatIf) } finally { Stop-Transcript | Out-Null }

        Get-WriteCount | Should -Be 0
        $out | Should -BeNullOrEmpty
        Get-Content -Raw $log | Should -Match 'What if: Performing the operation "Send bulk request" on target "chunk 1: rows 1-40, 40 items'
    }
}

Describe '-TaskTimeout and a task that never finishes' {
    AfterAll { Reset-Emulator $script:emu }

    It 'reports the stuck chunk''s rows as timeout after -TaskTimeout, and the rerun with the checkpoint sends them again' {
        $store = $script:stores[4]
        $checkpoint = Join-Path $TestDrive 'stuck.checkpoint'
        $rows = 1..5 | ForEach-Object {
            [pscustomobject]@{ Name = "Stuck $_"; Price = '1'; MeasureName = 'шт'; Tax = 'NO_VAT'; Type = 'NORMAL'; AllowToSell = 'true' }
        }
        Add-EmulatorFault $script:emu @{ route = 'PUT /evotor/stores/{storeId}/products'; bulkOutcome = 'stuck' }

        $first = @($rows | Import-EvotorBulk -StoreId $store -CheckpointPath $checkpoint -TaskTimeout '00:00:01' -ErrorAction SilentlyContinue -ErrorVariable failed)
        $second = @($rows | Import-EvotorBulk -StoreId $store -CheckpointPath $checkpoint -TaskTimeout '00:00:01')

        @($first.Status | Select-Object -Unique) | Should -Be 'Failed'
        @($first.ErrorCode | Select-Object -Unique) | Should -Be 'timeout'
        $failed.Count | Should -Be 5
        @($second.Status | Select-Object -Unique) | Should -Be 'Ok'
        @(Get-EvotorProduct -StoreId $store | Where-Object Name -like 'Stuck *').Count | Should -Be 5
    }

    It 'refuses a -TaskTimeout under a second by name' {
        { @() | Import-EvotorBulk -StoreId $script:stores[4] -TaskTimeout '00:00:00.5' } | Should -Throw '*TaskTimeout*'
    }
}

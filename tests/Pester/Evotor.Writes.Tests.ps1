# End to end, in real pwsh: the Evotor writes as users type them. -WhatIf sends nothing, a store's CSV
# export recreates it in another store under two cultures, pipelines update and remove, and an invalid
# row is one error naming the row and the field while the other rows are written.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:Token = 'evotor-demo-token'
    $script:emu = Start-TestEmulator -ArgumentList '--evotor-stores', '3', '--evotor-products-per-store', '12', '--max-page-size', '5'
    Connect-Evotor -Token $script:Token -BaseUri $script:emu.EvotorBaseUri
    $stores = @(Get-EvotorStore)
    $script:A = $stores[0].Id
    $script:B = $stores[1].Id
    $script:C = $stores[2].Id

    function script:Get-WriteCount {
        # Requests that could change something: everything but GET.
        $counts = Get-EmulatorRequestCount $script:emu
        [int](($counts.Keys | Where-Object { $_ -notlike 'GET *' } | ForEach-Object { $counts[$_] } | Measure-Object -Sum).Sum)
    }

    function script:New-TestPng([string] $Path) {
        # A real 2x2 greyscale PNG.
        $bytes = [Convert]::FromBase64String('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAADklEQVR4nGNgYGBgYAAAAAUAAXpeqz8AAAAASUVORK5CYII=')
        [IO.File]::WriteAllBytes($Path, $bytes)
        $Path
    }
}

AfterAll {
    Disconnect-Evotor -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:emu
}

Describe '-WhatIf sends nothing' {
    BeforeAll {
        $script:png = New-TestPng (Join-Path $TestDrive 'p.png')
        $script:product = (Get-EvotorProduct -StoreId $script:A -First 1)
        $script:group = (Get-EvotorProductGroup -StoreId $script:A -First 1)
    }
    BeforeEach { Reset-Emulator $script:emu }

    It '<_>' -ForEach @(
        'New-EvotorProduct -StoreId $A -Name Хлеб -Price 45.5 -WhatIf'
        'Get-EvotorProduct -StoreId $A -First 3 | Set-EvotorProduct -StoreId $B -WhatIf'
        'Get-EvotorProduct -StoreId $A -First 3 | Update-EvotorProduct -Price 1 -WhatIf'
        'Get-EvotorProduct -StoreId $A -First 3 | Remove-EvotorProduct -WhatIf'
        'New-EvotorProductGroup -StoreId $A -Name Напитки -WhatIf'
        'Get-EvotorProductGroup -StoreId $A -First 2 | Set-EvotorProductGroup -StoreId $B -WhatIf'
        'Get-EvotorProductGroup -StoreId $A -First 2 | Update-EvotorProductGroup -Name X -WhatIf'
        'Get-EvotorProductGroup -StoreId $A -First 2 | Remove-EvotorProductGroup -WhatIf'
        '$product | Add-EvotorProductImage -Path $png -WhatIf'
        'Remove-EvotorProductImage -StoreId $A -ProductId $product.Id -ImageId x -WhatIf'
        'Invoke-EvotorRequest -Method POST -Path "stores/$A/products" -Body @{ name = "x" } -WhatIf'
    ) {
        $A = $script:A; $B = $script:B; $product = $script:product; $png = $script:png
        & ([scriptblock]::Create($_))
        Get-WriteCount | Should -Be 0
    }

    It 'says what it would do, in the host' {
        $log = Join-Path $TestDrive 'whatif.txt'
        Start-Transcript -LiteralPath $log | Out-Null
        try { New-EvotorProduct -StoreId $script:A -Name 'Квас' -Price 60 -WhatIf } finally { Stop-Transcript | Out-Null }
        Get-Content -Raw $log | Should -Match "What if: Performing the operation `"Create`" on target `"product 'Квас' in store $([regex]::Escape($script:A))`""
    }

    It 'names the item by its name and id, and says which fields a replace sets' {
        $product = Get-EvotorProduct -StoreId $script:A -First 1
        $log = Join-Path $TestDrive 'whatif-names.txt'
        Start-Transcript -LiteralPath $log | Out-Null
        try {
            $product | Remove-EvotorProduct -WhatIf
            Set-EvotorProduct -StoreId $script:A -Id $product.Id -Name 'Квас' -Price 61 -WhatIf
        } finally { Stop-Transcript | Out-Null }
        $text = Get-Content -Raw $log
        $text | Should -Match ([regex]::Escape("product '$($product.Name)' ($($product.Id))"))
        $text | Should -Match "Create or replace with name 'Квас', price 61"
    }
}

Describe 'Export-Csv from one store, Import-Csv | Set- into another, under <_>' -ForEach @('en-US', 'ru-RU') {
    BeforeAll {
        $script:saved = [cultureinfo]::CurrentCulture
        [cultureinfo]::CurrentCulture = $_
        $target = if ($_ -eq 'en-US') { $script:B } else { $script:C }
        $script:target = $target
        # Groups first (parents before children), so the products' ParentId exists in the target store.
        Get-EvotorProductGroup -StoreId $script:A | Export-Csv (Join-Path $TestDrive "g-$_.csv")
        Import-Csv (Join-Path $TestDrive "g-$_.csv") | Sort-Object { [bool]$_.ParentId } | Set-EvotorProductGroup -StoreId $target
        $script:source = @(Get-EvotorProduct -StoreId $script:A)
        $script:source | Export-Csv (Join-Path $TestDrive "p-$_.csv")
        Import-Csv (Join-Path $TestDrive "p-$_.csv") | Set-EvotorProduct -StoreId $target -ErrorVariable script:importErrors
        $script:copied = @(Get-EvotorProduct -StoreId $target -Id $script:source.Id)
    }
    AfterAll {
        [cultureinfo]::CurrentCulture = $script:saved
    }

    It 'writes every row without an error' {
        $script:importErrors | Should -BeNullOrEmpty
        $script:copied.Count | Should -Be $script:source.Count
    }

    It 'recreates every field equal' {
        foreach ($want in $script:source) {
            $got = $script:copied | Where-Object Id -eq $want.Id
            $got.StoreId | Should -Be $script:target
            foreach ($field in 'Name', 'ParentId', 'Type', 'MeasureName', 'Tax', 'AllowToSell', 'Price', 'CostPrice', 'Quantity',
                'Description', 'ArticleNumber', 'Code', 'AlcoholByVolume', 'AlcoholProductKindCode', 'TareVolume') {
                $got.$field | Should -Be $want.$field -Because "$field of $($want.Name)"
            }
            "$($got.Barcodes)" | Should -Be "$($want.Barcodes)"
            "$($got.AlcoCodes)" | Should -Be "$($want.AlcoCodes)"
            "$($got.AttributesChoices)" | Should -Be "$($want.AttributesChoices)"
        }
    }
}

Describe 'Pipelines that change and remove' {
    It 'Get-EvotorProduct | Update-EvotorProduct -Price 10 -Confirm:$false sets every price' {
        Get-EvotorProduct -StoreId $script:A | Update-EvotorProduct -Price 10 -Confirm:$false
        @(Get-EvotorProduct -StoreId $script:A | Where-Object Price -ne 10) | Should -BeNullOrEmpty
    }

    It 'Remove-EvotorProduct takes products from the pipeline, 100 ids a request' {
        $victims = @(Get-EvotorProduct -StoreId $script:C -First 7)
        Reset-Emulator $script:emu
        $victims | Remove-EvotorProduct -Confirm:$false
        Get-WriteCount | Should -Be 1
        @(Get-EvotorProduct -StoreId $script:C -Id $victims.Id -ErrorAction SilentlyContinue) | Should -BeNullOrEmpty
    }

    It 'an empty update is refused before anything is sent' {
        Reset-Emulator $script:emu
        { Get-EvotorProduct -StoreId $script:A -First 1 | Update-EvotorProduct -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'Evotor.EmptyPatch*'
        Get-WriteCount | Should -Be 0
    }
}

Describe 'An invalid row' {
    It 'lands in $Error naming the row and the field while the other rows are written' {
        $csv = Join-Path $TestDrive 'bad.csv'
        @(
            [pscustomobject]@{ Name = 'Первый'; Price = '10,50'; MeasureName = 'шт'; Tax = 'NO_VAT'; AllowToSell = 'True'; Type = 'NORMAL' }
            [pscustomobject]@{ Name = 'Второй'; Price = '1 000,00'; MeasureName = 'шт'; Tax = 'NO_VAT'; AllowToSell = 'True'; Type = 'NORMAL' }
            [pscustomobject]@{ Name = 'Третий'; Price = '7'; MeasureName = 'шт'; Tax = 'NO_VAT'; AllowToSell = 'True'; Type = 'NORMAL' }
        ) | Export-Csv -LiteralPath $csv
        $Error.Clear()

        $created = @(Import-Csv -LiteralPath $csv | New-EvotorProduct -StoreId $script:B -ErrorAction SilentlyContinue)

        $created.Name | Should -Be @('Первый', 'Третий')
        $created.Price | Should -Be @(10.50, 7)
        $Error.Count | Should -Be 1
        $Error[0].FullyQualifiedErrorId | Should -BeLike 'Evotor.ValidationFailed*'
        $Error[0].Exception.Message | Should -Match "Item 2 \('Второй'\)"
        $Error[0].Exception.Message | Should -Match 'Price'
        $Error[0].TargetObject.Name | Should -Be 'Второй'
    }
}

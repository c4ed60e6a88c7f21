# End to end, in real pwsh: copying a store's product groups, whatever order their rows come in. Parents are sent
# before their children; New- gives children the ids the server gave their parents; a group whose parent is
# neither in the input nor in the target store is one error for that group, and the others are written.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:emu = Start-TestEmulator -ArgumentList '--evotor-stores', '5', '--evotor-bulk-duration-ms', '50', '--evotor-product-groups-per-store', '0'
    Connect-Evotor -Token 'evotor-demo-token' -BaseUri $script:emu.EvotorBaseUri
    $stores = @(Get-EvotorStore)
    $script:Targets = $stores[1..4].Id
    # A tree written children first: Молочное > Сыры > Твёрдые, and Напитки alone.
    $script:Root = [guid]::NewGuid().ToString(); $script:Mid = [guid]::NewGuid().ToString()
    $script:Leaf = [guid]::NewGuid().ToString(); $script:Alone = [guid]::NewGuid().ToString()
    $script:Csv = @"
Id,ParentId,Name
$($script:Leaf),$($script:Mid),Твёрдые
$($script:Mid),$($script:Root),Сыры
$($script:Alone),,Напитки
$($script:Root),,Молочное
"@
}

AfterAll {
    Disconnect-Evotor
    Stop-TestEmulator $script:emu
}

Describe 'Groups whose children come before their parents' {
    It 'Set-EvotorProductGroup writes every group under its parent, with no error' {
        $store = $script:Targets[0]
        $script:Csv | ConvertFrom-Csv | Set-EvotorProductGroup -StoreId $store -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -BeNullOrEmpty
        $groups = @(Get-EvotorProductGroup -StoreId $store)
        $groups.Count | Should -Be 4
        ($groups | Where-Object Id -eq $script:Leaf).ParentId | Should -Be $script:Mid
        ($groups | Where-Object Id -eq $script:Mid).ParentId | Should -Be $script:Root
    }

    It 'New-EvotorProductGroup makes the same tree under the new ids the server gives' {
        $store = $script:Targets[1]
        $made = @($script:Csv | ConvertFrom-Csv | New-EvotorProductGroup -StoreId $store -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue)
        $failed | Should -BeNullOrEmpty
        $made.Count | Should -Be 4
        $byName = @{}; foreach ($g in Get-EvotorProductGroup -StoreId $store) { $byName[$g.Name] = $g }
        $byName['Твёрдые'].ParentId | Should -Be $byName['Сыры'].Id
        $byName['Сыры'].ParentId | Should -Be $byName['Молочное'].Id
        $byName['Сыры'].Id | Should -Not -Be $script:Mid
    }

    It 'Import-EvotorBulk -Kind ProductGroup sends parents first and reports every row Ok, in input order' {
        $store = $script:Targets[3]
        $results = @($script:Csv | ConvertFrom-Csv | Import-EvotorBulk -StoreId $store -Kind ProductGroup -ErrorVariable failed -ErrorAction SilentlyContinue)
        $failed | Should -BeNullOrEmpty
        $results.Status | Should -Be @('Ok', 'Ok', 'Ok', 'Ok')
        $results.Row | Should -Be @(1, 2, 3, 4)
        (Get-EvotorProductGroup -StoreId $store -Id $script:Leaf).ParentId | Should -Be $script:Mid
    }

    It 'a parent in neither the input nor the store is one error for that group; the others are written' {
        $store = $script:Targets[2]
        $orphan = [guid]::NewGuid().ToString(); $missing = [guid]::NewGuid().ToString()
        $rows = @($script:Csv | ConvertFrom-Csv) + [pscustomobject]@{ Id = $orphan; ParentId = $missing; Name = 'Сирота' }
        $rows | Set-EvotorProductGroup -StoreId $store -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].FullyQualifiedErrorId | Should -BeLike 'Evotor.ValidationFailed*'
        $failed[0].Exception.Message | Should -BeLike "*$missing*"
        @(Get-EvotorProductGroup -StoreId $store).Count | Should -Be 4
    }
}

Describe 'Moving a group to the top level' {
    It '<Way> takes the group out of its parent and keeps its other fields' -ForEach @(
        @{ Way = '-Root'; Move = { param($g) $g | Update-EvotorProductGroup -Root -Confirm:$false } }
        @{ Way = "-ParentId ''"; Move = { param($g) $g | Update-EvotorProductGroup -ParentId '' -Confirm:$false } }
    ) {
        $store = $script:Targets[0]
        $child = Get-EvotorProductGroup -StoreId $store -Id $script:Mid
        if (-not $child.ParentId) { $child | Update-EvotorProductGroup -ParentId $script:Root -Confirm:$false; $child = Get-EvotorProductGroup -StoreId $store -Id $script:Mid }
        $child.ParentId | Should -Be $script:Root

        & $Move $child

        $moved = Get-EvotorProductGroup -StoreId $store -Id $script:Mid
        $moved.ParentId | Should -BeNullOrEmpty
        $moved.Name | Should -Be $child.Name
        (Get-EvotorProductGroup -StoreId $store -Id $script:Leaf).ParentId | Should -Be $script:Mid -Because 'its own children stay under it'
    }
}

Describe 'Mistakes that say what to do' {
    It 'a product whose group the target store lacks says to copy the groups first, with the command' {
        # A product in the first copy's Молочное group; the second store's copy of the tree has other ids.
        $product = New-EvotorProduct -StoreId $script:Targets[0] -Name 'Кефир' -Price 80 -ParentId $script:Root -Confirm:$false
        $product | Set-EvotorProduct -StoreId $script:Targets[1] -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed.Count | Should -Be 1
        $failed[0].Exception.Message | Should -BeLike '*copy the groups first*Set-EvotorProductGroup -StoreId*'
    }

    It 'a base URI with a typo in its path fails at Connect-Evotor, naming the base URI' {
        $wrong = $script:emu.EvotorBaseUri -replace '/evotor$', '/evotr'
        $err = { Connect-Evotor -Token 'evotor-demo-token' -BaseUri $wrong } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'Evotor.Configuration*'
        $err.Exception.Message | Should -BeLike "*$wrong*"
        $err.Exception.Message | Should -BeLike '*API root*'
    }
}

Describe 'Group attributes through a CSV copy' {
    It 'keep their ids, so the products that choose from them still match' {
        $source = $script:Targets[0]
        $group = @{ Name = 'Одежда'; Attributes = 'Размер(S|M|L);Цвет(Красный|Синий)' } | New-EvotorProductGroup -StoreId $source -Confirm:$false
        $group.Attributes.Count | Should -Be 2
        $file = Join-Path $TestDrive 'clothes.csv'
        Get-EvotorProductGroup -StoreId $source -Id $group.Id | Export-Csv $file
        Import-Csv $file | Set-EvotorProductGroup -StoreId $script:Targets[3] -Confirm:$false
        $copy = Get-EvotorProductGroup -StoreId $script:Targets[3] -Id $group.Id
        $copy.Attributes.Id | Should -Be $group.Attributes.Id
        $copy.Attributes[0].Choices.Id | Should -Be $group.Attributes[0].Choices.Id
        $copy.Attributes[1].Choices.Name | Should -Be @('Красный', 'Синий')
    }
}

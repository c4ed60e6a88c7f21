# End to end, in real pwsh: copying a store's product groups, whatever order their rows come in. Parents are sent
# before their children; New- gives children the ids the server gave their parents; a group whose parent is
# neither in the input nor in the target store is one error for that group, and the others are written.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:emu = Start-TestEmulator -ArgumentList '--evotor-stores', '4', '--evotor-product-groups-per-store', '0'
    Connect-Evotor -Token 'evotor-demo-token' -BaseUri $script:emu.EvotorBaseUri
    $stores = @(Get-EvotorStore)
    $script:Targets = $stores[1..3].Id
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

# End to end, in real pwsh: a CSV piped to any Set-/New- cmdlet of any service, with a column that no field has
# (a typo such as 'Prise'), gives exactly one warning naming that column, however many rows carry it; the known
# columns still go. -WhatIf keeps the server unchanged: the warning comes while each row is read, before sending.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:emu = Start-TestEmulator -ArgumentList '--planfix-rate-per-second', '0'
    Connect-Evotor -Token 'evotor-demo-token' -BaseUri $script:emu.EvotorBaseUri
    Connect-PlanFix -Account demo -ApiKey planfix-demo-key -Token planfix-demo-token -BaseUri "$($script:emu.Address)/planfix/xml/" -RequestsPerSecond 50
    Connect-EnDocs -Token 'endocs-demo-token' -BaseUri "$($script:emu.Address)/endocs"
    $script:StoreId = (Get-EvotorStore -First 1).Id
    $script:GroupId = [guid]::NewGuid().ToString()
    $script:ProductId = [guid]::NewGuid().ToString()
}

AfterAll {
    Disconnect-Evotor; Disconnect-PlanFix; Disconnect-EnDocs
    Stop-TestEmulator $script:emu
}

Describe 'A column that no field has' {
    It '<Command> warns once, naming <Typo>' -ForEach @(
        @{ Command = 'New-EvotorProduct'; Typo = 'Prise'; Csv = "Name,Price,MeasureName,Tax,AllowToSell,Type,Prise`nХлеб,45,шт,NO_VAT,true,NORMAL,46`nМолоко,80,л,NO_VAT,true,NORMAL,81"; Extra = @{ StoreId = 'store' } }
        @{ Command = 'Set-EvotorProduct'; Typo = 'Quantitiy'; Csv = "Id,Name,Price,MeasureName,Tax,AllowToSell,Type,Quantitiy`nproduct,Хлеб,45,шт,NO_VAT,true,NORMAL,3`nproduct,Хлеб,45,шт,NO_VAT,true,NORMAL,4"; Extra = @{ StoreId = 'store' } }
        @{ Command = 'New-EvotorProductGroup'; Typo = 'Parent'; Csv = "Name,Parent`nНапитки,x`nХлеб,y"; Extra = @{ StoreId = 'store' } }
        @{ Command = 'Set-EvotorProductGroup'; Typo = 'Nmae'; Csv = "Id,Name,Nmae`ngroup,Напитки,x`ngroup,Хлеб,y"; Extra = @{ StoreId = 'store' } }
        @{ Command = 'New-PlanFixTask'; Typo = 'Titel'; Csv = "Title,Titel`nОтчёт,x`nСверка,y"; Extra = @{} }
        @{ Command = 'Set-PlanFixTask'; Typo = 'Statuss'; Csv = "Id,Title,Statuss`n1,Отчёт,2`n2,Сверка,3"; Extra = @{} }
        @{ Command = 'Set-EnDocsContractor'; Typo = 'Innn'; Csv = "ExtId,Name,Innn`nC-1,Ромашка,7701234567`nC-2,Лютик,7701234568"; Extra = @{} }
        @{ Command = 'Set-EnDocsDepartment'; Typo = 'Parent'; Csv = "Ext_ID,Name,Parent`nD-1,Бухгалтерия,x`nD-2,Склад,y"; Extra = @{} }
        @{ Command = 'Set-EnDocsEmployee'; Typo = 'Positon'; Csv = "ExtId,LastName,FirstName,MiddleName,Positon`nE-1,Иванова,Анна,Петровна,бухгалтер`nE-2,Петров,Пётр,Ильич,кладовщик"; Extra = @{} }
        @{ Command = 'Set-EnDocsContract'; Typo = 'Amout'; Csv = "ExtId,Name,ContractorExtId,OrganizationExtId,Amout`nK-1,Договор 1,C-1,org-0001,100`nK-2,Договор 2,C-1,org-0001,200"; Extra = @{} }
        @{ Command = 'Set-EnDocsDocument'; Typo = 'DocNumer'; Csv = "ExtId,DocTypeId,Source,OrganizationExtId,DocNumer`nI-1,14,Входящий,org-0001,1`nI-2,14,Входящий,org-0001,2"; Extra = @{} }
    ) {
        $csv = $Csv.Replace('product,', "$($script:ProductId),").Replace('group,', "$($script:GroupId),")
        $parameters = @{}
        if ($Extra.ContainsKey('StoreId')) { $parameters.StoreId = $script:StoreId }
        $before = Get-EmulatorRequestCount $script:emu
        $rows = $csv | ConvertFrom-Csv
        $null = $rows | & $Command @parameters -WhatIf -WarningVariable warned -WarningAction SilentlyContinue -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed | Should -BeNullOrEmpty
        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -BeLike "*'$Typo'*"
        $after = Get-EmulatorRequestCount $script:emu
        [int](($after.Keys | Where-Object { $_ -notlike 'GET *' -and $_ -notlike '*getList*' } | ForEach-Object { $after[$_] - [int]$before[$_] } | Measure-Object -Sum).Sum) | Should -Be 0
    }

    It 'a known column is not named' {
        $null = "Name,Price,MeasureName,Tax,AllowToSell,Type,CreatedAt`nХлеб,45,шт,NO_VAT,true,NORMAL,2024-01-01" | ConvertFrom-Csv |
            New-EvotorProduct -StoreId $script:StoreId -WhatIf -WarningVariable warned -WarningAction SilentlyContinue -ErrorVariable failed
        $failed | Should -BeNullOrEmpty
        $warned | Should -BeNullOrEmpty
    }
}

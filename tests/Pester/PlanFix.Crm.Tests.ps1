# End to end, in real pwsh: PlanFix as a CRM as users type it, against the emulator, in token and in login mode:
# contacts and their custom fields (and the CSV round trip that changes exactly the edited contacts), projects,
# statuses by name, the task list's filters, handbooks, analitics, files, and -WhatIf on every new mutator.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:emu = Start-TestEmulator -ArgumentList '--planfix-rate-per-second', '0'
    $script:Base = "$($script:emu.Address)/planfix/xml/"

    function script:Connect-Mode([string] $Mode) {
        if ($Mode -eq 'Login') {
            $cred = [pscredential]::new('demo', (ConvertTo-SecureString 'demo-password' -AsPlainText -Force))
            Connect-PlanFix -Account demo -ApiKey planfix-demo-key -Credential $cred -BaseUri $script:Base -RequestsPerSecond 50
        } else {
            Connect-PlanFix -Account demo -ApiKey planfix-demo-key -Token planfix-demo-token -BaseUri $script:Base -RequestsPerSecond 50
        }
    }

    function script:Get-MethodCount([string] $Method) { Get-EmulatorRequestCount $script:emu "POST /planfix/xml/ $Method" }
}

AfterAll {
    Disconnect-PlanFix
    Stop-TestEmulator $script:emu
}

Describe 'PlanFix as a CRM in <_> mode' -ForEach 'Token', 'Login' {
    BeforeAll {
        $script:mode = $_
        Reset-Emulator $script:emu
        Connect-Mode $script:mode
    }

    It 'New-PlanFixContact makes a contact with custom fields by name, read back with id, value and text' {
        $contact = New-PlanFixContact -Name 'Пётр' -LastName "Сидоров $mode" -Email "petr.$($mode.ToLower())@example.ru" -Phones '+7 900 111-22-33' `
            -CustomField @{ 'ИНН' = '7701234567'; 'Источник' = 'Сайт'; 'Сумма сделки' = 1500 } -Confirm:$false

        $contact.PSObject.TypeNames[0] | Should -Be 'ApiTools.PlanFix.Models.PlanFixContact'
        $contact.Id | Should -BeGreaterThan 0
        $contact.LastName | Should -Be "Сидоров $mode"
        "$($contact.Phones)" | Should -Be '+7 900 111-22-33'
        $contact.CustomFields['Сумма сделки'].Value | Should -Be '1500'
        $contact.CustomFields['Сумма сделки'].Text | Should -Be '1 500 ₽'
        $contact.CustomFields['Источник'].FieldId | Should -Be 202
        (Get-PlanFixContact -Search "Сидоров $mode").Id | Should -Be $contact.Id
    }

    It 'an unknown field name is an error naming it, and nothing is sent' {
        $before = Get-MethodCount 'contact.add'
        New-PlanFixContact -Name 'Никто' -CustomField @{ 'Сумма сдлеки' = 1 } -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable bad
        @($bad).Count | Should -Be 1
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'PlanFix.ValidationFailed*'
        "$($bad[0])" | Should -Match "'Сумма сдлеки'"
        (Get-MethodCount 'contact.add') - $before | Should -Be 0
    }

    It 'a value PlanFix refuses comes back naming the field and the value' {
        New-PlanFixContact -Name 'Кто-то' -CustomField @{ 'Сумма сделки' = 'много' } -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'PlanFix.ValidationFailed*'
        "$($refused[0])" | Should -Match ([regex]::Escape("'Сумма сделки' (field 203) = 'много'"))
    }

    It 'Export-Csv, an edit, Import-Csv | Set-PlanFixContact changes exactly the edited contacts, one request each' {
        $csv = Join-Path $TestDrive "contacts-$mode.csv"
        Get-PlanFixContact -First 12 | Export-Csv -LiteralPath $csv
        $rows = @(Import-Csv -LiteralPath $csv)
        $untouched = @($rows | ForEach-Object { $_.Email })
        $rows[2].Email = "new.$($mode.ToLower())@example.ru"
        $rows[5].Post = 'Новая должность'
        $rows[8].CustomFields = $rows[8].CustomFields -replace 'Источник=[^;]*', 'Источник=Выставка'
        $rows | Export-Csv -LiteralPath $csv
        $before = Get-MethodCount 'contact.update'

        Import-Csv -LiteralPath $csv | Set-PlanFixContact -Confirm:$false

        (Get-MethodCount 'contact.update') - $before | Should -Be 3
        $after = @(Get-PlanFixContact -First 12)
        $after[2].Email | Should -Be "new.$($mode.ToLower())@example.ru"
        $after[5].Post | Should -Be 'Новая должность'
        $after[8].CustomFields['Источник'].Value | Should -Be 'Выставка'
        foreach ($i in 0, 1, 3, 4, 6, 7, 9, 10, 11) { $after[$i].Email | Should -Be $untouched[$i] }
    }

    It 'Set-PlanFixContact -PassThru reads the change back' {
        $c = Get-PlanFixContact -First 1
        $changed = $c | Set-PlanFixContact -Skype "skype.$mode" -CustomField @{ 'VIP' = $true } -PassThru -Confirm:$false
        $changed.Skype | Should -Be "skype.$mode"
        $changed.CustomFields['VIP'].Text | Should -Be 'Да'
    }

    It 'New-PlanFixProject and Set-PlanFixProject' {
        $p = New-PlanFixProject -Title "Проект $mode" -Status DRAFT -CustomField @{ 'Бюджет' = 250000 } -Confirm:$false
        $p.Status | Should -Be 'DRAFT'
        $p.CustomFields['Бюджет'].Value | Should -Be '250000'
        $done = $p | Set-PlanFixProject -Status ACTIVE -PassThru -Confirm:$false
        $done.Status | Should -Be 'ACTIVE'
        $done.Title | Should -Be "Проект $mode"
        $done.CustomFields['Бюджет'].Value | Should -Be '250000' -Because 'project.update keeps what it is not sent'
    }

    It 'statuses come by name: Get-PlanFixTaskStatus, -Status on the list and a change through task.changeStatus' {
        @(Get-PlanFixTaskStatus).Name | Should -Contain 'Отложенная'
        $inWork = @(Get-PlanFixTask -Status 'В работе')
        $inWork.Count | Should -BeGreaterThan 0
        $inWork | ForEach-Object { $_.StatusName | Should -Be 'В работе' }
        $task = $inWork[0]
        $changes = Get-MethodCount 'task.changeStatus'
        $updates = Get-MethodCount 'task.update'

        $after = $task | Set-PlanFixTask -Status 'Отложенная' -PassThru -Confirm:$false

        $after.StatusName | Should -Be 'Отложенная'
        $after.Status | Should -Be 4
        (Get-MethodCount 'task.changeStatus') - $changes | Should -Be 1
        (Get-MethodCount 'task.update') - $updates | Should -Be 0
        { Set-PlanFixTask -Id $task.Id -Status 'Забытая' -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'PlanFix.ValidationFailed*'
    }

    It '-Status completes the account''s status names on Tab' {
        # Tab waits a second at most: at PlanFix's pace the names may come on a later Tab (bounded here).
        $line = "Get-PlanFixTask -Status От"
        $names = @()
        for ($i = 0; $i -lt 20 -and $names -notcontains 'Отложенная'; $i++) {
            $names = @((TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.ListItemText)
        }
        $names | Should -Contain 'Отложенная'
        $names | Should -Contain 'Отменённая'
        $system = "Get-PlanFixTask -Status DR"
        (TabExpansion2 -inputScript $system -cursorColumn $system.Length).CompletionMatches.CompletionText | Should -Be "'DRAFT'"
    }

    It 'Set-PlanFixTask keeps what it does not change, as task.update resets what it is not sent' {
        $task = Get-PlanFixTask | Where-Object { @($_.WorkerIds).Count -gt 0 -and $_.CustomFields['Сумма сделки'].Value } | Select-Object -First 1
        $after = $task | Set-PlanFixTask -Title "$($task.Title) ($mode)" -CustomField @{ 'Источник' = 'Звонок' } -PassThru -Confirm:$false
        $after.Title | Should -Be "$($task.Title) ($mode)"
        "$($after.WorkerIds)" | Should -Be "$($task.WorkerIds)"
        $after.Description | Should -Be $task.Description
        $after.CustomFields['Сумма сделки'].Value | Should -Be $task.CustomFields['Сумма сделки'].Value
        $after.CustomFields['Источник'].Value | Should -Be 'Звонок'
    }

    It 'the task list filters by custom field and sorts' {
        $fromSite = @(Get-PlanFixTask -CustomField @{ 'Источник' = 'Сайт' })
        $fromSite.Count | Should -BeGreaterThan 0
        $fromSite | ForEach-Object { $_.CustomFields['Источник'].Value | Should -Be 'Сайт' }
        $sorted = @(Get-PlanFixTask -SortBy Number -Descending -First 5)
        @($sorted.General) | Should -Be @($sorted.General | Sort-Object -Descending)
    }

    It 'Get-PlanFixHandbook | Get-PlanFixHandbookRecord walks nested groups; -First 5 costs one request' {
        $records = @(Get-PlanFixHandbook | Where-Object Name -eq 'Виды работ' | Get-PlanFixHandbookRecord)
        ($records | Where-Object Key -eq 13).Path | Should -Be 'Выезды/Дальние'
        ($records | Where-Object Key -eq 13).Values['Название'].Value | Should -Be 'Выезд за город'
        $before = Get-MethodCount 'handbook.getRecords'
        @(Get-PlanFixHandbookRecord -Handbook 'Товары' -First 5).Count | Should -Be 5
        (Get-MethodCount 'handbook.getRecords') - $before | Should -Be 1
    }

    It 'New-PlanFixHandbookRecord and Set-PlanFixHandbookRecord write by field name' {
        $r = New-PlanFixHandbookRecord -Handbook 'Виды работ' -Values @{ 'Название' = "Обучение $mode"; 'Ставка' = 2000 } -Confirm:$false
        $r.Values['Название'].Value | Should -Be "Обучение $mode"
        $changed = $r | Set-PlanFixHandbookRecord -Values @{ 'Ставка' = 2500 } -PassThru -Confirm:$false
        $changed.Values['Ставка'].Value | Should -Be '2500'
    }

    It 'Get-PlanFixAnalitic and a comment with analitic rows' {
        (Get-PlanFixAnalitic).Name | Should -Contain 'Выработка'
        (Get-PlanFixAnalitic -Name 'Выработка').Fields['Кол-во'].Type | Should -Be 'NUMBER'
        $task = Get-PlanFixTask -First 1
        $comment = $task | Add-PlanFixComment -Text 'Отработал' -Analitic 'Выработка' -AnaliticData @{ 'Вид работы' = 1; 'Дата' = (Get-Date); 'Кол-во' = 2 } -Confirm:$false
        $comment.Id | Should -BeGreaterThan 0
        $read = Get-PlanFixAction -Id $comment.Id
        $read.Extra.analitics.analitic.name | Should -Be 'Выработка'
    }

    It 'Add-PlanFixFile attaches, Get-PlanFixFile lists, Save-PlanFixFile downloads; existing files are kept unless -Force' {
        $task = Get-PlanFixTask -First 1 -Skip 7
        $path = Join-Path $TestDrive "отчёт-$mode.txt"
        Set-Content -LiteralPath $path -Value "Отчёт $mode"
        $up = Add-PlanFixFile -TaskId $task.Id -Path $path -Confirm:$false
        $up.Name | Should -Be "отчёт-$mode.txt"
        { Add-PlanFixFile -TaskId $task.Id -Path $path -Confirm:$false -ErrorAction Stop } | Should -Throw -ErrorId 'PlanFix.ValidationFailed*'
        $folder = Join-Path $TestDrive "files-$mode"

        $saved = @($task | Get-PlanFixFile | Save-PlanFixFile -Path $folder -Confirm:$false)
        $saved | Should -Not -BeNullOrEmpty
        Get-Content -LiteralPath (Join-Path $folder "отчёт-$mode.txt") | Should -Be "Отчёт $mode"
        $again = @($task | Get-PlanFixFile | Save-PlanFixFile -Path $folder -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable exists)
        $again | Should -BeNullOrEmpty
        $exists[0].FullyQualifiedErrorId | Should -BeLike 'PlanFix.FileExists*'
        @($task | Get-PlanFixFile | Save-PlanFixFile -Path $folder -Force -Confirm:$false).Count | Should -Be $saved.Count
    }

    It 'every file of the seed downloads, redirected or not, and none leaves a temporary file' {
        $folder = Join-Path $TestDrive "all-$mode"
        $files = @(Get-PlanFixTask -First 12 | Get-PlanFixFile)
        $files.Count | Should -BeGreaterOrEqual 3
        @($files | Save-PlanFixFile -Path $folder -Force -Confirm:$false).Count | Should -Be $files.Count
        @(Get-ChildItem -LiteralPath $folder -Force -Filter '.planfix-*') | Should -BeNullOrEmpty
        (Get-EmulatorRequestCount $script:emu 'GET /planfix/files/{uniqueId:long}/{token}') | Should -BeGreaterThan 0
    }

    It 'Extra holds nested parts you can dot into, and every CSV cell stays on one line' {
        $task = Get-PlanFixTask -Id (Get-PlanFixTask -First 1).Id
        $task.Extra.template.id | Should -Not -BeNullOrEmpty
        $csv = Join-Path $TestDrive "tasks-$mode.csv"
        Get-PlanFixTask -First 40 | ForEach-Object { Get-PlanFixTask -Id $_.Id } | Export-Csv -LiteralPath $csv
        $rows = @(Import-Csv -LiteralPath $csv)
        $rows.Count | Should -Be 40
        foreach ($row in $rows) {
            foreach ($p in $row.PSObject.Properties | Where-Object Name -notin 'Description', 'Title') { "$($p.Value)" | Should -Not -Match "[`r`n]" }
        }
        ($rows | Where-Object { $_.Extra -match 'periodicity' }) | Should -Not -BeNullOrEmpty -Because 'periodic tasks keep their periodicity'
    }
}

Describe 'The new PlanFix mutators send nothing under -WhatIf' {
    BeforeAll {
        Connect-Mode 'Token'
        $script:writes = 'contact.add', 'contact.update', 'project.add', 'project.update', 'handbook.addRecord', 'handbook.updateRecord',
            'file.upload', 'action.add', 'task.update', 'task.changeStatus', 'task.add'
        Set-Content -LiteralPath (Join-Path $TestDrive 'a.txt') -Value 'a'
    }

    It '<_>' -ForEach @(
        'New-PlanFixContact -Name "Нет" -WhatIf'
        'Get-PlanFixContact -First 2 | Set-PlanFixContact -Post "Нет" -WhatIf'
        'New-PlanFixProject -Title "Нет" -WhatIf'
        'Get-PlanFixProject -First 1 | Set-PlanFixProject -Status COMPLETED -WhatIf'
        'New-PlanFixHandbookRecord -Handbook "Виды работ" -Values @{ "Название" = "Нет" } -WhatIf'
        'Set-PlanFixHandbookRecord -Handbook "Виды работ" -Key 1 -Values @{ "Ставка" = 1 } -WhatIf'
        'Add-PlanFixFile -TaskId (Get-PlanFixTask -First 1).Id -Path (Join-Path $TestDrive "a.txt") -WhatIf'
        'Add-PlanFixComment -TaskId (Get-PlanFixTask -First 1).Id -Text "Нет" -Analitic "Выработка" -AnaliticData @{ "Кол-во" = 1 } -WhatIf'
        'Get-PlanFixTask -First 2 | Set-PlanFixTask -Status "Отложенная" -WhatIf'
        'Get-PlanFixTask -First 1 | Get-PlanFixFile | Save-PlanFixFile -Path (Join-Path $TestDrive "none") -WhatIf'
    ) {
        $before = ($script:writes | ForEach-Object { Get-MethodCount $_ } | Measure-Object -Sum).Sum
        $downloads = Get-MethodCount 'file.download'
        $out = @(& ([scriptblock]::Create($_)))
        $out | Should -BeNullOrEmpty
        ($script:writes | ForEach-Object { Get-MethodCount $_ } | Measure-Object -Sum).Sum | Should -Be $before
        Get-MethodCount 'file.download' | Should -Be $downloads
    }
}

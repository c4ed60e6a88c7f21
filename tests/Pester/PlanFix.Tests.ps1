# End to end, in real pwsh: the PlanFix cmdlets as users type them, with the emulator standing in for the
# cloud (PlanFix's XML API lives at <emulator>/planfix/xml/). The module is imported from out/ApiTools by
# path, exactly as a user would. Both sign-in modes and the environment variables, filtered task lists,
# pipeline binding (projects to tasks, tasks to actions), tasks through Export-Csv and back, the escape
# hatch with nested parameters, -All and -Raw, writes and -WhatIf, the daily quota, errors without
# secrets, and the README's PlanFix block.

BeforeDiscovery {
    # Until the PlanFix cmdlets are exported, every block here is skipped (main stays green meanwhile).
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $NoPlanFix = -not (Get-Command -Module ApiTools -Name Connect-PlanFix -ErrorAction SilentlyContinue)
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    if (-not (Get-Command -Module ApiTools -Name Connect-PlanFix -ErrorAction SilentlyContinue)) { return }

    $script:Account = 'demo'
    $script:ApiKey = 'planfix-demo-key'
    $script:Token = 'planfix-demo-token'
    $script:Login = 'demo'
    $script:Password = 'demo-password'
    # The emulator's own pacing is off; the client still paces itself, fast enough for tests.
    $script:Rate = 50
    $script:SeedTasks = 250
    $script:emu = Start-TestEmulator -ArgumentList '--planfix-rate-per-second', '0', '--planfix-tasks', "$script:SeedTasks"

    $script:Base = "$($script:emu.Address)/planfix/xml/"

    function script:Connect-Demo {
        param([switch] $PassThru)
        Connect-PlanFix -Account $script:Account -ApiKey $script:ApiKey -Token $script:Token -BaseUri $script:Base `
            -RequestsPerSecond $script:Rate -PassThru:$PassThru
    }

    function script:Get-DemoCredential {
        [pscredential]::new($script:Login, (ConvertTo-SecureString $script:Password -AsPlainText -Force))
    }

    function script:Get-MethodCount([string] $Method) {
        # The emulator counts one route key per API method: 'POST /planfix/xml/ task.getList'.
        Get-EmulatorRequestCount $script:emu "POST /planfix/xml/ $Method"
    }

    function script:Get-WriteCount {
        $methods = 'task.add', 'task.update', 'task.changeStatus', 'action.add', 'contact.add', 'contact.update', 'project.add', 'project.update',
            'handbook.addRecord', 'handbook.updateRecord', 'file.upload'
        ($methods | ForEach-Object { Get-MethodCount $_ } | Measure-Object -Sum).Sum
    }

    Connect-Demo
}

AfterAll {
    if (Get-Command -Module ApiTools -Name Disconnect-PlanFix -ErrorAction SilentlyContinue) { Disconnect-PlanFix }
    Stop-TestEmulator $script:emu
}

Describe 'Connect-PlanFix and the environment variables' -Skip:$NoPlanFix {
    BeforeAll {
        $script:envNames = 'PLANFIX_ACCOUNT', 'PLANFIX_API_KEY', 'PLANFIX_TOKEN', 'PLANFIX_LOGIN', 'PLANFIX_PASSWORD', 'PLANFIX_BASE_URI'
        $script:savedEnv = @{}
        foreach ($name in $script:envNames) { $script:savedEnv[$name] = [Environment]::GetEnvironmentVariable($name) }
    }
    BeforeEach {
        foreach ($name in $script:envNames) { [Environment]::SetEnvironmentVariable($name, $null) }
    }
    AfterEach {
        foreach ($name in $script:envNames) { [Environment]::SetEnvironmentVariable($name, $script:savedEnv[$name]) }
        Connect-Demo
    }

    It 'token mode: Connect-PlanFix -Account -ApiKey -Token reaches the account, with no sid' {
        Connect-Demo
        $before = Get-MethodCount 'auth.login'
        $users = @(Get-PlanFixUser)
        $users.Count | Should -BeGreaterThan 0
        $users[0].PSObject.TypeNames[0] | Should -Be 'ApiTools.PlanFix.Models.PlanFixUser'
        $users | ForEach-Object { $_.Name | Should -Not -BeNullOrEmpty }
        Get-MethodCount 'auth.login' | Should -Be $before
    }

    It 'login mode: -Credential logs in once and keeps the sid across calls' {
        $before = Get-MethodCount 'auth.login'
        Connect-PlanFix -Account $script:Account -ApiKey $script:ApiKey -Credential (Get-DemoCredential) -BaseUri $script:Base `
            -RequestsPerSecond $script:Rate
        @(Get-PlanFixProject).Count | Should -BeGreaterThan 0
        @(Get-PlanFixUser).Count | Should -BeGreaterThan 0
        @(Get-PlanFixTask -First 3).Count | Should -Be 3
        (Get-MethodCount 'auth.login') - $before | Should -Be 1
    }

    It 'a later -RequestsPerSecond for the same account and key is named in a warning, since the first pace holds' {
        $null = Get-PlanFixUser -First 1   # the pace of this account and key is set by now
        $slower = Connect-PlanFix -Account $script:Account -ApiKey $script:ApiKey -Token $script:Token -BaseUri $script:Base `
            -RequestsPerSecond ($script:Rate / 2) -PassThru -WarningVariable warned 3>$null
        $same = Connect-PlanFix -Account $script:Account -ApiKey $script:ApiKey -Token $script:Token -BaseUri $script:Base `
            -RequestsPerSecond $script:Rate -PassThru -WarningVariable quiet 3>$null

        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -BeLike "*already paces PlanFix account '$($script:Account)'*$($script:Rate) request(s) a second*-RequestsPerSecond 25 does not apply*"
        "$($warned[0])" | Should -Not -BeLike "*$($script:ApiKey)*"
        $quiet.Count | Should -Be 0
        Connect-Demo
    }

    It '-PassThru returns a connection that shows no secret and works with -Connection' {
        $conn = Connect-PlanFix -Account $script:Account -ApiKey $script:ApiKey -Credential (Get-DemoCredential) `
            -BaseUri $script:Base -RequestsPerSecond $script:Rate -PassThru
        $null = Get-PlanFixUser -Connection $conn -First 1     # logs in, so a sid exists
        $conn.AuthMode | Should -Be 'Login'
        $conn.Account | Should -Be $script:Account
        $text = "$conn`n$($conn | Out-String)`n$($conn | Format-List * -Force | Out-String)"
        $text | Should -Not -BeLike "*$($script:ApiKey)*"
        $text | Should -Not -BeLike "*$($script:Password)*"
        $text | Should -Not -Match '\b[0-9a-f]{32}\b' -Because 'the sid is 32 hex characters'

        $token = Connect-Demo -PassThru
        $token.AuthMode | Should -Be 'Token'
        "$token$($token | Format-List * -Force | Out-String)" | Should -Not -BeLike "*$($script:Token)*"

        Disconnect-PlanFix
        @(Get-PlanFixProject -Connection $conn).Count | Should -BeGreaterThan 0
        @(Get-PlanFixProject -Connection $token).Count | Should -BeGreaterThan 0
    }

    It 'uses PLANFIX_ACCOUNT, PLANFIX_API_KEY, PLANFIX_TOKEN and PLANFIX_BASE_URI after Disconnect-PlanFix' {
        Disconnect-PlanFix
        $env:PLANFIX_ACCOUNT = $script:Account
        $env:PLANFIX_API_KEY = $script:ApiKey
        $env:PLANFIX_TOKEN = $script:Token
        $env:PLANFIX_BASE_URI = $script:Base
        @(Get-PlanFixUser -First 2).Count | Should -Be 2
    }

    It 'uses PLANFIX_LOGIN and PLANFIX_PASSWORD (login mode) from the environment' {
        Disconnect-PlanFix
        $env:PLANFIX_ACCOUNT = $script:Account
        $env:PLANFIX_API_KEY = $script:ApiKey
        $env:PLANFIX_LOGIN = $script:Login
        $env:PLANFIX_PASSWORD = $script:Password
        $env:PLANFIX_BASE_URI = $script:Base
        $before = Get-MethodCount 'auth.login'
        @(Get-PlanFixUser -First 2).Count | Should -Be 2
        (Get-MethodCount 'auth.login') - $before | Should -Be 1
    }

    It 'Connect-PlanFix without -BaseUri takes PLANFIX_BASE_URI' {
        $env:PLANFIX_BASE_URI = $script:Base
        $conn = Connect-PlanFix -Account $script:Account -ApiKey $script:ApiKey -Token $script:Token -RequestsPerSecond $script:Rate -PassThru
        "$($conn.BaseUri)".TrimEnd('/') | Should -Be $script:Base.TrimEnd('/')
        @(Get-PlanFixUser -First 1).Count | Should -Be 1
    }

    It 'without a connection or PLANFIX_* fails with PlanFix.Configuration' {
        Disconnect-PlanFix
        { Get-PlanFixTask -First 1 } | Should -Throw -ErrorId 'PlanFix.Configuration*'
    }
}

Describe 'Get-PlanFixTask' -Skip:$NoPlanFix {
    BeforeAll {
        $script:all = @(Get-PlanFixTask)
    }

    It 'lists every task as flat PlanFixTask objects' {
        $script:all.Count | Should -BeGreaterThan 100 -Because 'the seed spans more than one page of 100'
        $script:all[0].PSObject.TypeNames[0] | Should -Be 'ApiTools.PlanFix.Models.PlanFixTask'
        [long[]] $ids = $script:all.Id
        @($ids | Select-Object -Unique).Count | Should -Be $ids.Count
        $script:all | ForEach-Object {
            $_.TaskId | Should -Be $_.Id
            $_.Title | Should -Not -BeNullOrEmpty
        }
        @($script:all | Where-Object OwnerName).Count | Should -BeGreaterThan 0
        @($script:all | Where-Object ProjectTitle).Count | Should -BeGreaterThan 0
    }

    It 'Get-PlanFixTask -Filter Active | Where-Object OwnerName -eq an owner keeps that owner''s active tasks' {
        $active = @(Get-PlanFixTask -Filter Active)
        $active.Count | Should -BeGreaterThan 0
        $active.Count | Should -BeLessThan $script:all.Count
        $owner = ($active | Where-Object OwnerName | Group-Object OwnerName | Sort-Object Count -Descending | Select-Object -First 1).Name

        $mine = @(Get-PlanFixTask -Filter Active | Where-Object OwnerName -eq $owner)

        $mine.Count | Should -BeGreaterThan 0
        $mine | ForEach-Object { $_.OwnerName | Should -Be $owner }
        $mine.Count | Should -Be @($active | Where-Object OwnerName -eq $owner).Count
    }

    It '-First 5 costs one request' {
        $before = Get-MethodCount 'task.getList'
        @(Get-PlanFixTask -First 5).Count | Should -Be 5
        (Get-MethodCount 'task.getList') - $before | Should -Be 1
    }

    It 'Select-Object -First 3 stops the listing after one page' {
        $before = Get-MethodCount 'task.getList'
        @(Get-PlanFixTask | Select-Object -First 3).Count | Should -Be 3
        (Get-MethodCount 'task.getList') - $before | Should -BeLessOrEqual 2 -Because 'at most one page ahead'
    }

    It '-Id and -General get the same task' {
        $t = $script:all[7]
        (Get-PlanFixTask -Id $t.Id).Title | Should -Be $t.Title
        (Get-PlanFixTask $t.Id).General | Should -Be $t.General
        (Get-PlanFixTask -General $t.General).Id | Should -Be $t.Id
    }

    It 'a missing id is a non-terminating PlanFix.NotFound error naming the id; the other ids still come out' {
        $t = $script:all[0]
        $out = @(Get-PlanFixTask -Id 987654321, $t.Id -ErrorAction SilentlyContinue -ErrorVariable missing)
        $out.Id | Should -Be @($t.Id)
        @($missing).Count | Should -Be 1
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'PlanFix.NotFound*'
        "$($missing[0].TargetObject)" | Should -Be '987654321'
    }

    It 'custom fields are reachable by name' {
        $withFields = @($script:all | Where-Object { $_.CustomFields -and $_.CustomFields.Count -gt 0 })
        if ($withFields.Count -eq 0) { Set-ItResult -Skipped -Because 'the seed has no custom fields'; return }
        $t = $withFields | Where-Object { $_.CustomFields['Сумма сделки'].Value } | Select-Object -First 1
        $field = $t.CustomFields['Сумма сделки']
        $field.FieldId | Should -BeGreaterThan 0
        $field.Name | Should -Be 'Сумма сделки'
        $field.Value | Should -Match '^\d+$' -Because 'value is what is written back'
        $field.Text | Should -Match '₽' -Because 'text is what people see'
        $t.CustomFields.ToString() | Should -Match ([regex]::Escape("Сумма сделки=$($field.Value)"))
    }
}

Describe 'Pipeline binding' -Skip:$NoPlanFix {
    It 'Get-PlanFixProject | Get-PlanFixTask lists each project''s tasks' {
        $projects = @(Get-PlanFixProject)
        $projects.Count | Should -BeGreaterThan 1
        $projects[0].PSObject.TypeNames[0] | Should -Be 'ApiTools.PlanFix.Models.PlanFixProject'
        $two = $projects[0..1]

        $tasks = @($two | Get-PlanFixTask)

        $tasks.Count | Should -BeGreaterThan 0
        $tasks | ForEach-Object { $_.ProjectId | Should -BeIn $two.ProjectId }
        $expected = @($two | ForEach-Object { Get-PlanFixTask -ProjectId $_.ProjectId }).Count
        $tasks.Count | Should -Be $expected
        $tasks | ForEach-Object { $_.ProjectTitle | Should -Be ($two | Where-Object ProjectId -eq $_.ProjectId).Title }
    }

    It 'Get-PlanFixTask -First 5 | Get-PlanFixAction lists the actions of those five tasks' {
        $five = @(Get-PlanFixTask -First 5)
        $before = Get-MethodCount 'action.getList'

        $actions = @($five | Get-PlanFixAction)

        (Get-MethodCount 'action.getList') - $before | Should -Be 5
        $actions | ForEach-Object { $_.TaskId | Should -BeIn $five.TaskId }
        if ($actions) { $actions[0].PSObject.TypeNames[0] | Should -Be 'ApiTools.PlanFix.Models.PlanFixAction' }
    }

    It 'Import-Csv rows with a ProjectId column bind too' {
        $project = Get-PlanFixProject -First 1
        $csv = Join-Path $TestDrive 'projects.csv'
        Get-PlanFixProject -First 1 | Export-Csv -LiteralPath $csv
        @(Import-Csv -LiteralPath $csv | Get-PlanFixTask).Count | Should -Be @(Get-PlanFixTask -ProjectId $project.ProjectId).Count
    }
}

Describe 'Tasks through Export-Csv and back' -Skip:$NoPlanFix {
    It 'has flat OwnerName, ProjectTitle and Workers (a;b) columns' {
        $csv = Join-Path $TestDrive 'tasks.csv'
        $tasks = @(Get-PlanFixTask)

        $tasks | Export-Csv -LiteralPath $csv
        $rows = @(Import-Csv -LiteralPath $csv)

        $rows.Count | Should -Be $tasks.Count
        $columns = $rows[0].PSObject.Properties.Name
        foreach ($c in 'Id', 'TaskId', 'General', 'Title', 'OwnerId', 'OwnerName', 'ProjectId', 'ProjectTitle', 'Workers', 'WorkerIds') {
            $columns | Should -Contain $c
        }
        $many = @($tasks | Where-Object { @($_.Workers).Count -ge 2 })
        $many.Count | Should -BeGreaterThan 0 -Because 'the seed gives some tasks several workers'
        $t = $many[0]
        $row = $rows | Where-Object Id -eq "$($t.Id)"
        $row.Workers | Should -Be (@($t.Workers) -join ';')
        $row.Workers | Should -Match ';'
        $row.WorkerIds | Should -Be (@($t.WorkerIds) -join ';')
        $row.OwnerName | Should -Be $t.OwnerName
        "$($row.ProjectTitle)" | Should -Be "$($t.ProjectTitle)"
        $t.Workers.ToString() | Should -Be $row.Workers

        # Custom fields as k=v;k=v, the same text the object prints.
        $custom = @($tasks | Where-Object { $_.CustomFields.Count -ge 2 })[0]
        $customRow = $rows | Where-Object Id -eq "$($custom.Id)"
        $customRow.CustomFields | Should -Be $custom.CustomFields.ToString()
        foreach ($name in $custom.CustomFields.Keys) {
            $customRow.CustomFields | Should -Match ([regex]::Escape("$name=$($custom.CustomFields[$name].Value)"))
        }
    }
}

Describe 'Invoke-PlanFixRequest' -Skip:$NoPlanFix {
    It '-Method task.getList -Parameters @{ target = ''all'' } -All writes every seeded task' {
        $seed = $script:SeedTasks
        @(Get-PlanFixTask).Count | Should -BeGreaterOrEqual $seed   # the writes below may have added some already
        $raw = Invoke-PlanFixRequest -Method task.getList -Parameters @{ target = 'all'; pageSize = 1 } -Raw
        $totalCount = [int] $raw.response.tasks.totalCount

        $items = @(Invoke-PlanFixRequest -Method task.getList -Parameters @{ target = 'all' } -All)

        $items.Count | Should -Be $totalCount
        $items.Count | Should -Be @(Get-PlanFixTask).Count
        $items.Count | Should -BeGreaterOrEqual $seed
        $items[0] | Should -BeOfType ([pscustomobject])
        $items[0].PSObject.Properties.Name | Should -Contain 'id'
        $items[0].PSObject.Properties.Name | Should -Contain 'title'
        @($items.id | Select-Object -Unique).Count | Should -Be $items.Count
    }

    It 'nested hashtables become nested elements' {
        $t = Get-PlanFixTask -First 1
        $answer = Invoke-PlanFixRequest task.get -Parameters @{ task = @{ id = $t.Id } }
        "$($answer.task.id)" | Should -Be "$($t.Id)"
        $answer.task.title | Should -Be $t.Title
        "$($answer.task.owner.name)" | Should -Be $t.OwnerName

        $byGeneral = Invoke-PlanFixRequest task.get -Parameters @{ task = @{ general = $t.General } }
        "$($byGeneral.task.id)" | Should -Be "$($t.Id)"
    }

    It 'a nested project filter with -All gives the same tasks as Get-PlanFixTask -ProjectId' {
        $project = Get-PlanFixProject -First 1
        $items = @(Invoke-PlanFixRequest task.getList -Parameters @{ project = @{ id = $project.Id } } -All)
        $typed = @(Get-PlanFixTask -ProjectId $project.Id)
        $items.Count | Should -Be $typed.Count
        @($items.id | ForEach-Object { [long] $_ } | Sort-Object) | Should -Be @($typed.Id | Sort-Object)
    }

    It 'arrays become repeated elements' {
        $users = @(Get-PlanFixUser -First 2)
        $answer = Invoke-PlanFixRequest task.add -Confirm:$false -Parameters @{
            task = [ordered]@{ title = 'Через Invoke-PlanFixRequest'; workers = @{ users = @{ id = @($users.Id) } } }
        }
        $id = [long] "$($answer.task.id)"
        $id | Should -BeGreaterThan 0
        $created = Get-PlanFixTask -Id $id
        @($created.WorkerIds | ForEach-Object { [long] "$_" } | Sort-Object) | Should -Be @($users.Id | Sort-Object)
    }

    It '-Raw returns the response as an XmlDocument' {
        $xml = Invoke-PlanFixRequest project.getList -Raw
        $xml | Should -BeOfType ([System.Xml.XmlDocument])
        $xml.DocumentElement.Name | Should -Be 'response'
        $xml.response.status | Should -Be 'ok'
        [int] $xml.response.projects.totalCount | Should -Be @(Get-PlanFixProject).Count
    }

    It 'an unknown method is an error carrying the code 0008, not a crash' {
        $err = { Invoke-PlanFixRequest no.suchMethod -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'PlanFix.*'
        $err.Exception.Message | Should -Match '0008'
    }
}

Describe 'Writes' -Skip:$NoPlanFix {
    It 'descriptions read as text, the HTML stays in DescriptionHtml, and an unedited CSV row writes the HTML back' {
        $task = Get-PlanFixTask | Where-Object DescriptionHtml -match '<b>' | Select-Object -First 1
        $task | Should -Not -BeNullOrEmpty -Because 'the seed writes descriptions as PlanFix keeps them, in HTML'
        $task.Description | Should -Not -Match '<'
        $task.Description | Should -Match 'по списку исполнителей'
        $task.Description.Split("`n").Count | Should -BeGreaterThan 1 -Because 'each <p> is a line'

        $csv = Join-Path $TestDrive 'described.csv'
        $task | Export-Csv -LiteralPath $csv
        $row = Import-Csv -LiteralPath $csv
        $row.Title = "$($task.Title) (csv)"
        $row | Set-PlanFixTask -Confirm:$false
        $kept = Get-PlanFixTask -Id $task.Id
        $kept.Title | Should -Be "$($task.Title) (csv)"
        $kept.DescriptionHtml | Should -Be $task.DescriptionHtml -Because 'the text was not edited: its HTML goes back as it was'

        $row = Import-Csv -LiteralPath $csv
        $row.Description = 'Новое описание'
        $row | Set-PlanFixTask -Confirm:$false
        $after = Get-PlanFixTask -Id $task.Id
        $after.Description | Should -Be 'Новое описание'
        $after.DescriptionHtml | Should -Not -Match '<b>'
    }

    It 'New-PlanFixTask, Set-PlanFixTask and Add-PlanFixComment are read back' {
        $project = Get-PlanFixProject -First 1
        $workers = @(Get-PlanFixUser -First 2)
        $title = "Pester $([guid]::NewGuid().ToString('n').Substring(0, 8))"

        $task = New-PlanFixTask -Title $title -Description 'Создано тестом' -Importance High -ProjectId $project.Id `
            -WorkerId $workers.Id -EndTime (Get-Date).AddDays(3) -Confirm:$false

        $task.PSObject.TypeNames[0] | Should -Be 'ApiTools.PlanFix.Models.PlanFixTask'
        $task.Id | Should -BeGreaterThan 0
        $task.General | Should -BeGreaterThan 0
        $task.Title | Should -Be $title
        "$($task.Importance)" | Should -Be 'HIGH'
        $task.ProjectId | Should -Be $project.Id
        $task.ProjectTitle | Should -Be $project.Title
        @($task.WorkerIds | ForEach-Object { [long] "$_" } | Sort-Object) | Should -Be @($workers.Id | Sort-Object)
        $task.EndTime | Should -Not -BeNullOrEmpty
        (Get-PlanFixTask -Id $task.Id).Title | Should -Be $title

        $changed = $task | Set-PlanFixTask -Status 3 -Title "$title (done)" -PassThru -Confirm:$false
        $changed.Status | Should -Be 3
        (Get-PlanFixTask -Id $task.Id).Title | Should -Be "$title (done)"
        $gets = Get-MethodCount 'task.get'
        $changes = Get-MethodCount 'task.changeStatus'
        @($task | Set-PlanFixTask -Status 2 -Confirm:$false) | Should -BeNullOrEmpty -Because 'without -PassThru it writes nothing'
        (Get-MethodCount 'task.get') - $gets | Should -Be 1 -Because 'the task is read once before the change (task.update resets what it is not sent), not read back'
        (Get-MethodCount 'task.changeStatus') - $changes | Should -Be 1
        (Get-PlanFixTask -Id $task.Id).Status | Should -Be 2

        $comment = $task | Add-PlanFixComment -Text 'Первый комментарий' -Confirm:$false
        $comment.PSObject.TypeNames[0] | Should -Be 'ApiTools.PlanFix.Models.PlanFixAction'
        $comment.Id | Should -BeGreaterThan 0
        $actions = @(Get-PlanFixAction -TaskId $task.Id)
        $actions.Id | Should -Contain $comment.Id
        ($actions | Where-Object Id -eq $comment.Id).Description | Should -Match 'Первый комментарий'
    }

    It 'New-PlanFixTask takes Import-Csv rows' {
        $workers = @(Get-PlanFixUser -First 2)
        $csv = Join-Path $TestDrive 'new-tasks.csv'
        $stamp = [guid]::NewGuid().ToString('n').Substring(0, 8)
        @(
            [pscustomobject]@{ Title = "CSV $stamp 1"; Description = 'a'; WorkerIds = ($workers.Id -join ';'); Importance = 'High' }
            [pscustomobject]@{ Title = "CSV $stamp 2"; Description = ''; WorkerIds = ''; Importance = '' }
        ) | Export-Csv -LiteralPath $csv

        $made = @(Import-Csv -LiteralPath $csv | New-PlanFixTask -Confirm:$false)

        $made.Title | Should -Be @("CSV $stamp 1", "CSV $stamp 2")
        @($made[0].WorkerIds).Count | Should -Be 2
    }

    It 'an invalid row is one PlanFix.ValidationFailed error; the other rows are sent' {
        $before = Get-MethodCount 'task.add'
        $out = @(@(
                [pscustomobject]@{ Title = 'Хорошая 1' }
                [pscustomobject]@{ Title = '' }
                [pscustomobject]@{ Title = 'Хорошая 3' }
            ) | New-PlanFixTask -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable bad)
        $out.Title | Should -Be @('Хорошая 1', 'Хорошая 3')
        @($bad).Count | Should -Be 1
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'PlanFix.ValidationFailed*'
        $bad[0].Exception.Message | Should -Match 'Title'
        (Get-MethodCount 'task.add') - $before | Should -Be 2
    }
}

Describe '-WhatIf sends nothing' -Skip:$NoPlanFix {
    It '<_>' -ForEach @(
        'New-PlanFixTask -Title "Не создавать" -WhatIf'
        '[pscustomobject]@{ Title = "Не создавать" } | New-PlanFixTask -WhatIf'
        'Get-PlanFixTask -First 2 | Set-PlanFixTask -Status 3 -WhatIf'
        'Set-PlanFixTask -Id (Get-PlanFixTask -First 1).Id -Title "X" -WhatIf'
        'Get-PlanFixTask -First 2 | Add-PlanFixComment -Text "Не отправлять" -WhatIf'
        'Invoke-PlanFixRequest task.add -Parameters @{ task = @{ title = "Не создавать" } } -WhatIf'
        'Invoke-PlanFixRequest action.add -Parameters @{ action = @{ description = "Нет"; task = @{ id = 1 } } } -WhatIf'
    ) {
        $before = Get-WriteCount
        $out = @(& ([scriptblock]::Create($_)))
        $out | Should -BeNullOrEmpty
        Get-WriteCount | Should -Be $before
    }
}

Describe '-WhatIf says what would change' -Skip:$NoPlanFix {
    It 'Set-PlanFixTask lists the fields it would send, with their values' {
        $task = Get-PlanFixTask -First 1
        $workers = @(Get-PlanFixUser -First 2).Id
        $log = Join-Path $TestDrive 'whatif-task.txt'
        Start-Transcript -LiteralPath $log | Out-Null
        try {
            Set-PlanFixTask -Id $task.Id -Title 'Новое название' -WorkerId $workers -CustomField @{ 'Источник' = 'Звонок' } -WhatIf
        } finally { Stop-Transcript | Out-Null }
        $text = Get-Content -Raw $log
        $text | Should -Match ([regex]::Escape("PlanFix task $($task.Id)"))
        $text | Should -Match "Update with title 'Новое название', worker ids $($workers[0]), $($workers[1]), custom fields Источник = 'Звонок'"
    }
}

Describe 'Errors' -Skip:$NoPlanFix {
    AfterEach {
        Connect-Demo
    }

    It 'Connect-PlanFix refuses a wrong token or password, naming the base URI and no secret' {
        $wrongToken = 'wrong-planfix-token-8a2d6b11'
        $err = { Connect-PlanFix -Account $script:Account -ApiKey $script:ApiKey -Token $wrongToken -BaseUri $script:Base -RequestsPerSecond $script:Rate } |
            Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'PlanFix.Unauthorized*'
        $err.Exception.Message | Should -BeLike "*$($script:Base)*"
        $cred = [pscredential]::new($script:Login, (ConvertTo-SecureString 'wrong-password-3c7e' -AsPlainText -Force))
        $err2 = { Connect-PlanFix -Account $script:Account -ApiKey $script:ApiKey -Credential $cred -BaseUri $script:Base -RequestsPerSecond $script:Rate } |
            Should -Throw -PassThru
        $err2.FullyQualifiedErrorId | Should -BeLike 'PlanFix.Unauthorized*'
        foreach ($secret in $wrongToken, $script:ApiKey, 'wrong-password-3c7e') {
            ($err, $err2 | Format-List * -Force | Out-String) | Should -Not -BeLike "*$secret*"
        }
    }

    It 'a wrong token is a terminating PlanFix.Unauthorized error that shows no secret' {
        $wrongToken = 'wrong-planfix-token-5e1f0c7a'
        Connect-PlanFix -Account $script:Account -ApiKey $script:ApiKey -Token $wrongToken -BaseUri $script:Base -RequestsPerSecond $script:Rate -SkipCheck

        $err = { Get-PlanFixTask -First 1 } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike 'PlanFix.Unauthorized*'
        foreach ($secret in $wrongToken, $script:ApiKey) {
            $err.Exception.Message | Should -Not -BeLike "*$secret*"
            ($err | Out-String) | Should -Not -BeLike "*$secret*"
            ($err | Format-List * -Force | Out-String) | Should -Not -BeLike "*$secret*"
        }
    }

    It 'a wrong password is PlanFix.Unauthorized and shows neither password nor key' {
        $cred = [pscredential]::new($script:Login, (ConvertTo-SecureString 'wrong-password-91b2' -AsPlainText -Force))
        Connect-PlanFix -Account $script:Account -ApiKey $script:ApiKey -Credential $cred -BaseUri $script:Base -RequestsPerSecond $script:Rate -SkipCheck

        $err = { Get-PlanFixProject } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike 'PlanFix.Unauthorized*'
        foreach ($secret in 'wrong-password-91b2', $script:ApiKey) {
            ($err | Format-List * -Force | Out-String) | Should -Not -BeLike "*$secret*"
        }
    }

    It 'no stream carries the key, the token, the password or the sid' {
        Connect-PlanFix -Account $script:Account -ApiKey $script:ApiKey -Credential (Get-DemoCredential) -BaseUri $script:Base -RequestsPerSecond $script:Rate
        $all = & {
            Get-PlanFixTask -First 2 -Verbose -Debug 4>&1 5>&1
            Invoke-PlanFixRequest task.getList -Parameters @{ pageSize = 1 } -Verbose 4>&1
            Get-PlanFixQuota
        } 2>&1 3>&1 4>&1 5>&1 6>&1 | Out-String
        $all | Should -Not -BeNullOrEmpty
        foreach ($secret in $script:ApiKey, $script:Token, $script:Password) { $all | Should -Not -BeLike "*$secret*" }
        $all | Should -Not -Match '\b[0-9a-f]{32}\b' -Because 'the sid is 32 hex characters'
    }
}

Describe 'Faults PlanFix may answer with' -Skip:$NoPlanFix {
    AfterEach {
        Reset-Emulator $script:emu
        Connect-Demo
    }

    It 'a session that expires in the middle of a listing is renewed once; every task comes exactly once' {
        Reset-Emulator $script:emu
        Connect-PlanFix -Account $script:Account -ApiKey $script:ApiKey -Credential (Get-DemoCredential) -BaseUri $script:Base `
            -RequestsPerSecond $script:Rate
        $expected = @(Get-PlanFixTask).Count          # logs in once
        $before = Get-MethodCount 'auth.login'
        # The sid expires just before the second page is served.
        Add-EmulatorFault $script:emu @{ route = 'POST /planfix/xml/ task.getList'; expireSid = $true; skip = 1 }

        $tasks = @(Get-PlanFixTask)

        $tasks.Count | Should -Be $expected
        @($tasks.Id | Select-Object -Unique).Count | Should -Be $expected
        (Get-MethodCount 'auth.login') - $before | Should -Be 1
    }

    It 'error <_> (PlanFix busy) is retried and the command succeeds' -ForEach @('0011', '3014') {
        Add-EmulatorFault $script:emu @{ route = 'POST /planfix/xml/ project.getList'; planFixError = $_; times = 1 }
        $before = Get-MethodCount 'project.getList'
        @(Get-PlanFixProject).Count | Should -BeGreaterThan 0
        (Get-MethodCount 'project.getList') - $before | Should -Be 2
    }

    It 'a response that carries a DTD is refused, and its entity is not expanded' {
        Add-EmulatorFault $script:emu @{ route = 'POST /planfix/xml/ user.getList'; planFixDtd = $true; times = 1 }
        $err = { Get-PlanFixUser -ErrorAction Stop } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'PlanFix.*'
        ($err | Format-List * -Force | Out-String) | Should -Not -Match 'root:'
    }
}

Describe 'The daily quota' -Skip:$NoPlanFix {
    BeforeAll {
        # A separate emulator with a small daily quota, so the other tests keep theirs.
        $script:quota = 30
        $script:qemu = Start-TestEmulator -ArgumentList '--planfix-rate-per-second', '0', '--planfix-daily-quota', "$script:quota"
        $script:qconn = Connect-PlanFix -Account $script:Account -ApiKey $script:ApiKey -Token $script:Token `
            -BaseUri "$($script:qemu.Address)/planfix/xml/" -RequestsPerSecond $script:Rate -DailyQuota $script:quota -PassThru -SkipCheck
    }
    AfterAll {
        Stop-TestEmulator $script:qemu
        Connect-Demo
    }

    It 'Get-PlanFixQuota follows X-RateLimit-Remaining' {
        $null = Get-PlanFixUser -Connection $script:qconn -First 1
        $q = Get-PlanFixQuota -Connection $script:qconn
        $q.PSObject.TypeNames[0] | Should -Be 'ApiTools.PlanFix.PlanFixQuota'
        $q.DailyQuota | Should -Be $script:quota
        $q.Remaining | Should -Be ($script:quota - 1)
        $q.Source | Should -Be 'X-RateLimit-Remaining'

        $null = Get-PlanFixProject -Connection $script:qconn -First 1
        (Get-PlanFixQuota -Connection $script:qconn).Remaining | Should -Be ($script:quota - 2)
    }

    It 'warns once when under 10 % is left, then ends with a terminating PlanFix.QuotaExhausted' {
        $warnings = [System.Collections.Generic.List[object]]::new()
        $calls = 0
        $err = $null
        try {
            while ($calls -lt $script:quota + 5) {
                $calls++
                $null = Get-PlanFixUser -Connection $script:qconn -First 1 -ErrorAction Stop -WarningVariable +w -WarningAction SilentlyContinue
            }
        } catch {
            $err = $_
        }
        $lowWarnings = @($w | Where-Object { "$_" -match 'PlanFix' -and "$_" -match "of $($script:quota)" })

        $err | Should -Not -BeNullOrEmpty -Because "the quota of $($script:quota) is spent"
        $err.FullyQualifiedErrorId | Should -BeLike 'PlanFix.QuotaExhausted*'
        $lowWarnings.Count | Should -Be 1 -Because 'the low-quota warning is written once'
        (Get-PlanFixQuota -Connection $script:qconn).Remaining | Should -Be 0
    }

    It 'a spent quota ends a listing pipeline at once' {
        { Get-PlanFixTask -Connection $script:qconn | Get-PlanFixAction -Connection $script:qconn } |
            Should -Throw -ErrorId 'PlanFix.QuotaExhausted*'
    }
}

Describe 'The README PlanFix block' -Skip:$NoPlanFix {
    It 'runs as written against the emulator' {
        $readme = Get-Content -Raw -LiteralPath (Join-Path (Get-TestRepoRoot) 'README.md')
        $block = [regex]::Match($readme, '(?s)### PlanFix\r?\n.*?```powershell\r?\n(.*?)```').Groups[1].Value
        $block | Should -Not -BeNullOrEmpty
        $block | Should -Match 'Connect-PlanFix'
        $script = $block.Replace('Import-Module ./out/ApiTools', "Import-Module '$(Get-TestModulePath)'")
        $names = 'PLANFIX_ACCOUNT', 'PLANFIX_API_KEY', 'PLANFIX_TOKEN', 'PLANFIX_BASE_URI', 'PLANFIX_LOGIN', 'PLANFIX_PASSWORD'
        $saved = @{}
        foreach ($n in $names) { $saved[$n] = [Environment]::GetEnvironmentVariable($n) }
        Push-Location $TestDrive
        try {
            # As the README says: the PLANFIX_* variables point the block at the emulator.
            $env:PLANFIX_ACCOUNT = $script:Account
            $env:PLANFIX_API_KEY = $script:ApiKey
            $env:PLANFIX_TOKEN = $script:Token
            $env:PLANFIX_BASE_URI = $script:Base
            $env:PLANFIX_LOGIN = $script:Login
            $env:PLANFIX_PASSWORD = $script:Password
            $output = & ([scriptblock]::Create($script)) -ErrorAction Stop 2>&1
            @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }) | Should -BeNullOrEmpty
            Test-Path (Join-Path $TestDrive 'tasks.csv') | Should -BeTrue
        } finally {
            Pop-Location
            foreach ($n in $names) { [Environment]::SetEnvironmentVariable($n, $saved[$n]) }
            Connect-Demo
        }
    }
}

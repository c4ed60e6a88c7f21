# End to end, in real pwsh: the EnDocs cmdlets as users type them, with the emulator standing in for the
# cloud (EnDocs lives at <emulator>/endocs). The module is imported from out/ApiTools by path, exactly as a
# user would. Connections and environment variables, documents after an id, -StatePath sync, contracts
# through Export-Csv, files saved from hostile names and by ext id, reference data from CSV with every field,
# structured documents with their table part, uploads, -WhatIf, declines and approvals, errors, and the
# README's EnDocs block. What the cmdlets sent is read back from the emulator's write log.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:Token = 'endocs-demo-token'
    $script:emu = Start-TestEmulator
    $script:Base = "$($script:emu.Address)/endocs"
    Connect-EnDocs -Token $script:Token -BaseUri $script:Base

    function script:Get-PostCount {
        # Requests that could change something: every POST the emulator served, on any route.
        $counts = Get-EmulatorRequestCount $script:emu
        [int](($counts.Keys | Where-Object { $_ -like 'POST *' } | ForEach-Object { $counts[$_] } | Measure-Object -Sum).Sum)
    }

    function script:Get-EnDocsWrite([string] $Action) {
        # The bodies the emulator received for one write action, oldest first.
        @(Invoke-EmulatorControl $script:emu GET 'endocs/writes' | ForEach-Object { $_ } | Where-Object route -like "POST /endocs/*/$Action" | ForEach-Object body)
    }

    function script:Get-FileRequestCount {
        $counts = Get-EmulatorRequestCount $script:emu
        [int](($counts.Keys | Where-Object { $_ -like 'GET /endocs/File/*' } | ForEach-Object { $counts[$_] } | Measure-Object -Sum).Sum)
    }
}

AfterAll {
    Disconnect-EnDocs -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:emu
}

Describe 'Connect-EnDocs and the environment variables' {
    BeforeAll {
        $script:savedEnv = @{ ENDOCS_TOKEN = $env:ENDOCS_TOKEN; ENDOCS_BASE_URI = $env:ENDOCS_BASE_URI }
    }
    AfterEach {
        foreach ($name in $script:savedEnv.Keys) { [Environment]::SetEnvironmentVariable($name, $script:savedEnv[$name]) }
        Connect-EnDocs -Token $script:Token -BaseUri $script:Base
    }

    It 'Connect-EnDocs -Token -BaseUri reaches the account' {
        Connect-EnDocs -Token $script:Token -BaseUri $script:Base
        $account = Get-EnDocsClient
        $account.Name | Should -Not -BeNullOrEmpty
        $account.Inn | Should -Not -BeNullOrEmpty
    }

    It 'a later -RequestsPerMinute for the same token is named in a warning, since the first pace holds' {
        $null = Get-EnDocsClient   # the pace of this token is set by now (300 a minute)
        $null = Connect-EnDocs -Token $script:Token -BaseUri $script:Base -RequestsPerMinute 100 -WarningVariable warned 3>$null
        $null = Connect-EnDocs -Token $script:Token -BaseUri $script:Base -RequestsPerMinute 300 -WarningVariable quiet 3>$null

        $warned.Count | Should -Be 1
        "$($warned[0])" | Should -BeLike '*already paces this EnDocs token at 300 request(s) a minute*-RequestsPerMinute 100 does not apply*'
        $quiet.Count | Should -Be 0
    }

    It '-PassThru returns a connection that shows no token and works with -Connection' {
        $conn = Connect-EnDocs -Token $script:Token -BaseUri $script:Base -PassThru
        "$conn" | Should -Not -BeLike "*$($script:Token)*"
        ($conn | Out-String) | Should -Not -BeLike "*$($script:Token)*"
        Disconnect-EnDocs
        (Get-EnDocsClient -Connection $conn).Name | Should -Not -BeNullOrEmpty
    }

    It 'uses ENDOCS_TOKEN and ENDOCS_BASE_URI after Disconnect-EnDocs' {
        Disconnect-EnDocs
        $env:ENDOCS_TOKEN = $script:Token
        $env:ENDOCS_BASE_URI = $script:Base
        (Get-EnDocsClient).Name | Should -Not -BeNullOrEmpty
        @(Get-EnDocsDocument -Type Invoice).Count | Should -BeGreaterThan 0
    }

    It 'Connect-EnDocs without -BaseUri takes ENDOCS_BASE_URI' {
        $env:ENDOCS_BASE_URI = $script:Base
        $conn = Connect-EnDocs -Token $script:Token -PassThru
        "$($conn.BaseUri)".TrimEnd('/') | Should -Be $script:Base
        (Get-EnDocsClient).Name | Should -Not -BeNullOrEmpty
    }

    It 'uses ENDOCS_TOKEN and ENDOCS_BASE_URI in a fresh runspace' {
        $env:ENDOCS_TOKEN = $script:Token
        $env:ENDOCS_BASE_URI = $script:Base
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript('param($module) Import-Module $module; Get-EnDocsUser').AddArgument((Get-TestModulePath))
            $users = @($ps.Invoke())
            $ps.Streams.Error | Should -BeNullOrEmpty
        } finally {
            $ps.Dispose()
        }
        $users.Count | Should -BeGreaterThan 0
        $users | ForEach-Object { $_.Name | Should -Not -BeNullOrEmpty }
    }

    It 'without a connection or ENDOCS_TOKEN fails with EnDocs.Configuration' {
        Disconnect-EnDocs
        $env:ENDOCS_TOKEN = $null
        { Get-EnDocsClient } | Should -Throw -ErrorId 'EnDocs.Configuration*'
    }
}

Describe 'Get-EnDocsDocument' {
    It '-Type <_> writes typed documents in ascending id order' -ForEach @('Contract', 'Invoice', 'Input', 'NonForm') {
        $docs = @(Get-EnDocsDocument -Type $_)
        $docs.Count | Should -BeGreaterThan 0
        $want = if ($_ -eq 'Contract') { 'ApiTools.EnDocs.Models.EnDocsContract' } else { 'ApiTools.EnDocs.Models.EnDocsDocument' }
        @($docs | ForEach-Object { $_.PSObject.TypeNames[0] } | Select-Object -Unique) | Should -Be $want
        $docs | ForEach-Object { "$($_.Type)" | Should -Be $_.Type }
        $docs.Type | Select-Object -Unique | Should -Be $_
        [long[]] $ids = $docs.Id
        $ids | Should -Be ($ids | Sort-Object)
        @($ids | Select-Object -Unique).Count | Should -Be $ids.Count
    }

    It '-Type Invoice -AfterId n writes exactly the ids above n' {
        $all = @(Get-EnDocsDocument -Type Invoice)
        $all.Count | Should -BeGreaterThan 2
        $n = $all[[int]($all.Count / 2)].Id
        $expected = @($all.Id | Where-Object { $_ -gt $n })

        $after = @(Get-EnDocsDocument -Type Invoice -AfterId $n)

        $after.Id | Should -Be $expected
        @(Get-EnDocsDocument -Type Invoice -AfterId ($all[-1].Id)) | Should -BeNullOrEmpty
    }

    It '-First 2 writes two documents' {
        @(Get-EnDocsDocument -Type Invoice -First 2).Count | Should -Be 2
    }

    It '-StatePath: the first run gets all, the second none, and a document added since appears in the third' {
        $state = Join-Path $TestDrive 'nonform.last'
        $all = @(Get-EnDocsDocument -Type NonForm)

        $first = @(Get-EnDocsDocument -Type NonForm -StatePath $state)
        $first.Id | Should -Be $all.Id
        Test-Path -LiteralPath $state | Should -BeTrue
        (Get-Content -LiteralPath $state -Raw).Trim() | Should -Be "$(($all.Id | Measure-Object -Maximum).Maximum)"

        @(Get-EnDocsDocument -Type NonForm -StatePath $state) | Should -BeNullOrEmpty

        $file = Join-Path $TestDrive 'scan.txt'
        Set-Content -LiteralPath $file -Value 'Акт сверки' -Encoding utf8
        $added = Add-EnDocsDocument -Name 'Акт сверки' -Path $file -Confirm:$false
        $added.Id | Should -BeGreaterThan 0
        $added.FileName | Should -Be 'Акт сверки.txt'   # the only name EnDocs keeps: the file's, its extension added

        $third = @(Get-EnDocsDocument -Type NonForm -StatePath $state)
        $third.Id | Should -Be @($added.Id)
        $third[0].Name | Should -Be 'Акт сверки.txt'
        (Get-Content -LiteralPath $state -Raw).Trim() | Should -Be "$($added.Id)"
    }

    It '-Type Contract | Export-Csv gives flat ContractorName and ContractorInn columns' {
        $contracts = @(Get-EnDocsDocument -Type Contract)
        $csv = Join-Path $TestDrive 'contracts.csv'

        Get-EnDocsDocument -Type Contract | Export-Csv -LiteralPath $csv
        $rows = @(Import-Csv -LiteralPath $csv)

        $rows.Count | Should -Be $contracts.Count
        $rows[0].PSObject.Properties.Name | Should -Contain 'ContractorName'
        $rows[0].PSObject.Properties.Name | Should -Contain 'ContractorInn'
        $rows[0].PSObject.Properties.Name | Should -Contain 'Name'
        for ($i = 0; $i -lt $rows.Count; $i++) {
            $rows[$i].Id | Should -Be "$($contracts[$i].Id)"
            $rows[$i].ContractorName | Should -Be "$($contracts[$i].ContractorName)"
            $rows[$i].ContractorInn | Should -Be "$($contracts[$i].ContractorInn)"
            foreach ($p in $rows[$i].PSObject.Properties) { "$($p.Value)" | Should -Not -Match '^System\.' -Because $p.Name }
        }
        @($rows | Where-Object ContractorInn).Count | Should -BeGreaterThan 0
    }
}

Describe 'Save-EnDocsFile' {
    BeforeAll {
        # Everything happens under $root; the files folder is two levels down, so '../../evil.txt' taken
        # literally would land in $root, and every file under $root must be inside the files folder.
        $script:root = Join-Path $TestDrive 'save'
        $script:files = Join-Path $script:root 'a/b/files'
        $script:outside = Split-Path -Parent $TestDrive
        $script:beforeOutside = @(Get-ChildItem -LiteralPath $script:outside -File -Force -ErrorAction SilentlyContinue | ForEach-Object Name)
        $script:docs = @(Get-EnDocsDocument -Type NonForm)
        # What the server sends: the names (hostile ones included) and contents, through the escape hatch.
        $script:served = @(foreach ($d in $script:docs) {
                $answer = Invoke-EnDocsRequest GET "File/GetFileByExtIntId/$($d.Id)/NonFormID"
                foreach ($b in @($answer.binaries)) { [pscustomobject]@{ DocumentId = $d.Id; FileName = $b.fileName; Base64 = $b.fileBase64 } }
            })
        $script:saved = @(Get-EnDocsDocument -Type NonForm | Save-EnDocsFile -Path $script:files -ErrorAction SilentlyContinue -ErrorVariable saveErrors)
        $script:saveErrors = @($saveErrors)
    }

    It 'the emulator serves hostile file names (the test is meaningful)' {
        $script:served.Count | Should -BeGreaterThan 3
        $names = $script:served.FileName
        @($names | Where-Object { $_ -match '\.\.|^/|^[A-Za-z]:\\|[:*?"<>|]' }).Count | Should -BeGreaterThan 0
    }

    It 'writes one FileInfo per file saved, each inside the folder' {
        $script:saved.Count | Should -BeGreaterThan 0
        $folder = (Resolve-Path -LiteralPath $script:files).Path.TrimEnd('/', '\') + [IO.Path]::DirectorySeparatorChar
        foreach ($f in $script:saved) {
            $f | Should -BeOfType ([System.IO.FileInfo])
            $f.FullName | Should -BeLike "$folder*"
            Split-Path -Parent $f.FullName | Should -Be $folder.TrimEnd([IO.Path]::DirectorySeparatorChar)
            Test-Path -LiteralPath $f.FullName | Should -BeTrue
        }
        # Errors other than a name that two files share are failures.
        @($script:saveErrors | Where-Object { $_.FullyQualifiedErrorId -notlike 'EnDocs.FileExists*' }) | Should -BeNullOrEmpty
        # Every file the server sent is either saved or reported.
        ($script:saved.Count + $script:saveErrors.Count) | Should -Be $script:served.Count
    }

    It 'writes nothing outside the folder, even for the hostile names' {
        $folder = (Resolve-Path -LiteralPath $script:files).Path
        $everything = @(Get-ChildItem -LiteralPath $script:root -Recurse -File -Force)
        $everything | ForEach-Object { $_.DirectoryName | Should -Be $folder -Because "$($_.FullName) is outside the folder" }
        $everything.Count | Should -Be $script:saved.Count   # no temporary file left behind
        @(Get-ChildItem -LiteralPath $TestDrive -File -Force) | Should -BeNullOrEmpty
        $after = @(Get-ChildItem -LiteralPath $script:outside -File -Force -ErrorAction SilentlyContinue | ForEach-Object Name)
        $new = @($after | Where-Object { $_ -notin $script:beforeOutside })
        $suspects = foreach ($n in $script:served.FileName) { $n; Split-Path -Leaf ($n -replace '\\', '/') }
        @($new | Where-Object { $_ -in $suspects }) | Should -BeNullOrEmpty
        Test-Path -LiteralPath (Join-Path (Get-Location) 'evil.txt') | Should -BeFalse
    }

    It 'saves the bytes the server sent, the 2 MB file included' {
        $big = $script:served | Sort-Object { $_.Base64.Length } | Select-Object -Last 1
        $bytes = [Convert]::FromBase64String($big.Base64)
        $bytes.Length | Should -BeGreaterOrEqual (2MB - 1)
        $match = @($script:saved | Where-Object Length -eq $bytes.Length)
        $match.Count | Should -BeGreaterThan 0
        [Convert]::ToBase64String([IO.File]::ReadAllBytes($match[0].FullName)) | Should -BeExactly $big.Base64

        $plain = $script:served | Where-Object { $_.FileName -match '^\w[\w-]*\.\w+$' } | Select-Object -First 1
        if ($plain) {
            $path = Join-Path $script:files $plain.FileName
            [Convert]::ToBase64String([IO.File]::ReadAllBytes($path)) | Should -BeExactly $plain.Base64
        }
    }

    It 'keeps existing files (EnDocs.FileExists) unless -Force' {
        $victim = $script:saved[0]
        Set-Content -LiteralPath $victim.FullName -Value 'mine' -NoNewline
        $again = @(Get-EnDocsDocument -Type NonForm | Save-EnDocsFile -Path $script:files -ErrorAction SilentlyContinue -ErrorVariable exists)

        $again | Should -BeNullOrEmpty
        @($exists).Count | Should -Be $script:served.Count
        $exists | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'EnDocs.FileExists*' }
        Get-Content -LiteralPath $victim.FullName -Raw | Should -Be 'mine'

        $forced = @(Get-EnDocsDocument -Type NonForm | Save-EnDocsFile -Path $script:files -Force -ErrorAction SilentlyContinue)
        $forced.Count | Should -BeGreaterOrEqual $script:saved.Count
        (Get-Item -LiteralPath $victim.FullName).Length | Should -Be $victim.Length
        Get-Content -LiteralPath $victim.FullName -Raw | Should -Not -Be 'mine'
    }

    It '-Id with -Kind saves the files of one document' {
        $doc = $script:served | Where-Object { $_.FileName -match '^\w[\w-]*\.\w+$' } | Select-Object -First 1
        $folder = Join-Path $TestDrive 'byid'
        $out = @(Save-EnDocsFile -Id $doc.DocumentId -Kind NonFormID -Path $folder)
        $out.Count | Should -BeGreaterThan 0
        $out.Name | Should -Contain $doc.FileName
    }

    It 'a missing id is a non-terminating EnDocs.NotFound error naming the id' {
        $folder = Join-Path $TestDrive 'missing'
        $out = @(Save-EnDocsFile -Id 987654321 -Kind NonFormID -Path $folder -ErrorAction SilentlyContinue -ErrorVariable notFound)
        $out | Should -BeNullOrEmpty
        @($notFound).Count | Should -Be 1
        $notFound[0].FullyQualifiedErrorId | Should -BeLike 'EnDocs.NotFound*'
        "$($notFound[0].TargetObject)" | Should -Be '987654321'
    }
}

Describe 'Set-EnDocsContractor from Import-Csv' {
    BeforeAll {
        $script:csv = Join-Path $TestDrive 'contractors.csv'
        $stamp = [guid]::NewGuid().ToString('n').Substring(0, 8)
        @(
            [pscustomobject]@{ ExtId = "C-$stamp-1"; Name = 'ООО Ромашка'; Inn = '7701234567'; Kpp = '770101001'; Email = 'info@romashka.example' }
            [pscustomobject]@{ ExtId = "C-$stamp-2"; Name = 'ИП Петров, "Петров и сыновья"'; Inn = '500100732259'; Kpp = ''; Email = '' }
            [pscustomobject]@{ ExtId = "C-$stamp-3"; Name = 'АО Лютик'; Inn = '7702345678'; Kpp = '770201001'; Email = '' }
        ) | Export-Csv -LiteralPath $script:csv
    }

    It 'creates on the first run and updates on the second (Created False)' {
        $first = @(Import-Csv -LiteralPath $script:csv | Set-EnDocsContractor -PassThru -Confirm:$false)
        $first.Count | Should -Be 3
        $first[0].PSObject.TypeNames[0] | Should -Be 'ApiTools.EnDocs.Models.EnDocsWriteResult'
        $first.Created | Should -Be @($true, $true, $true)
        $first | ForEach-Object { $_.Id | Should -BeGreaterThan 0 }
        $first.ExtId | Should -Be (Import-Csv -LiteralPath $script:csv).ExtId

        $second = @(Import-Csv -LiteralPath $script:csv | Set-EnDocsContractor -PassThru -Confirm:$false)
        $second.Count | Should -Be 3
        $second.Created | Should -Be @($false, $false, $false)
    }

    It 'writes nothing without -PassThru' {
        @(Import-Csv -LiteralPath $script:csv | Set-EnDocsContractor -Confirm:$false) | Should -BeNullOrEmpty
    }

    It 'an invalid row is one EnDocs.ValidationFailed error naming the row and the field; the other rows are sent' {
        $bad = Join-Path $TestDrive 'bad.csv'
        @(
            [pscustomobject]@{ ExtId = 'V-1'; Name = 'Первый' }
            [pscustomobject]@{ ExtId = 'V-2'; Name = '' }
            [pscustomobject]@{ ExtId = 'V-3'; Name = 'Третий' }
        ) | Export-Csv -LiteralPath $bad
        $before = Get-EmulatorRequestCount $script:emu 'POST /endocs/Dictionaries/AddOrUpdateContractor'
        $Error.Clear()

        $out = @(Import-Csv -LiteralPath $bad | Set-EnDocsContractor -PassThru -Confirm:$false -ErrorAction SilentlyContinue)

        $out.ExtId | Should -Be @('V-1', 'V-3')
        $Error.Count | Should -Be 1
        $Error[0].FullyQualifiedErrorId | Should -BeLike 'EnDocs.ValidationFailed*'
        $Error[0].Exception.Message | Should -Match 'Item 2'
        $Error[0].Exception.Message | Should -Match 'Name'
        $Error[0].TargetObject.ExtId | Should -Be 'V-2'
        (Get-EmulatorRequestCount $script:emu 'POST /endocs/Dictionaries/AddOrUpdateContractor') - $before | Should -Be 2
    }

    It 'a row without ExtId names ExtId' {
        $Error.Clear()
        [pscustomobject]@{ Name = 'Без кода' } | Set-EnDocsContractor -Confirm:$false -ErrorAction SilentlyContinue
        $Error.Count | Should -Be 1
        $Error[0].FullyQualifiedErrorId | Should -BeLike 'EnDocs.ValidationFailed*'
        $Error[0].Exception.Message | Should -Match 'Ext_?Id'
    }
}

Describe 'Set-EnDocsContractor with every field' {
    It 'sends bank details, director and the rest by parameter and by CSV column' {
        $stamp = [guid]::NewGuid().ToString('n').Substring(0, 8)
        $r = Set-EnDocsContractor -ExtId "B-$stamp" -Name 'ООО Вектор' -Inn 7701234567 -Kpp 770101001 -Bank 'ПАО Сбербанк' -Bik 044525225 `
            -Bill 40702810938000000001 -Director 'Иванов И.И.' -Ogrn 1027700132195 -Code 000123 -Comment 'основной' -Contact 'Анна' `
            -DiadocId 2BM-7701234567 -Manager user1@romashka.ru -OrganizationExtId org-0001 -PassThru -Confirm:$false
        $r.Created | Should -BeTrue
        $sent = (Get-EnDocsWrite AddOrUpdateContractor)[-1]
        $sent.Bank | Should -Be 'ПАО Сбербанк'
        $sent.BIK | Should -Be '044525225'
        $sent.Bill | Should -Be '40702810938000000001'
        $sent.OGRN | Should -Be '1027700132195'
        $sent.Director | Should -Be 'Иванов И.И.'
        $sent.Organization.Ext_ID | Should -Be 'org-0001'

        $csv = Join-Path $TestDrive 'banks.csv'
        [pscustomobject]@{ ExtId = "B-$stamp"; Name = 'ООО Вектор'; Bank = 'АО Альфа-Банк'; Bik = '044525593'; Bill = '40702810000000000002' } |
            Export-Csv -LiteralPath $csv
        (Import-Csv -LiteralPath $csv | Set-EnDocsContractor -PassThru -Confirm:$false).Created | Should -BeFalse
        $again = (Get-EnDocsWrite AddOrUpdateContractor)[-1]
        $again.Bank | Should -Be 'АО Альфа-Банк'
        $again.BIK | Should -Be '044525593'
    }

    It 'a contractor read from a document pipes back as it is, with no warning' {
        $doc = Get-EnDocsDocument -Type Invoice | Where-Object { $_.Contractor.ExtId -and $_.Contractor.Bank } | Select-Object -First 1
        $doc | Should -Not -BeNullOrEmpty
        $doc.Contractor.Bill | Should -Not -BeNullOrEmpty     # every field typed, not only the flat columns

        $r = $doc.Contractor | Set-EnDocsContractor -PassThru -Confirm:$false -WarningVariable warned 3>$null

        $r.Created | Should -BeFalse
        $warned | Should -BeNullOrEmpty
        $sent = (Get-EnDocsWrite AddOrUpdateContractor)[-1]
        $sent.Ext_ID | Should -Be $doc.Contractor.ExtId
        $sent.Bill | Should -Be $doc.Contractor.Bill
        $sent.OGRN | Should -Be $doc.Contractor.Ogrn
    }
}

Describe 'The other writes' {
    It 'Set-EnDocsDepartment, Set-EnDocsEmployee and Set-EnDocsContract create, then update' {
        $stamp = [guid]::NewGuid().ToString('n').Substring(0, 8)
        $null = Set-EnDocsContractor -ExtId "C-$stamp" -Name 'ООО Поставщик' -OrganizationExtId org-0001 -Confirm:$false
        $steps = @(
            { Set-EnDocsDepartment -ExtId "D-$stamp" -Name 'Бухгалтерия' -Manager user1@romashka.ru -Code 7 -OrganizationExtId org-0001 -PassThru -Confirm:$false }
            { Set-EnDocsEmployee -ExtId "E-$stamp" -LastName 'Иванова' -FirstName 'Анна' -MiddleName 'Петровна' -Position 'Бухгалтер' `
                    -BirthDate (Get-Date -Year 1990 -Month 4 -Day 5) -DepartmentExtId "D-$stamp" -PassThru -Confirm:$false }
            { Set-EnDocsContract -ExtId "K-$stamp" -Name 'Договор поставки' -DocNumber '15' -DocDate (Get-Date -Year 2024 -Month 3 -Day 1) `
                    -Amount 1200.50 -Currency RUB -Type 'С поставщиком' -ValidityPeriod (Get-Date -Year 2024 -Month 12 -Day 31) `
                    -ContractorExtId "C-$stamp" -OrganizationExtId org-0001 -PassThru -Confirm:$false }
        )
        foreach ($step in $steps) {
            (& $step).Created | Should -BeTrue -Because "$step"
            (& $step).Created | Should -BeFalse -Because "$step"
        }
        $employee = (Get-EnDocsWrite AddOrUpdateEmployee)[-1]
        $employee.birthdate | Should -Be '05.04.1990'
        $employee.department.ext_id | Should -Be "D-$stamp"
        (Get-EnDocsWrite AddOrUpdateDepartment)[-1].manager | Should -Be 'user1@romashka.ru'
        $contract = (Get-EnDocsWrite AddOrUpdateContract)[-1]
        $contract.Contractor.Ext_ID | Should -Be "C-$stamp"
        $contract.DocDate | Should -Be '01.03.2024'
    }

    It 'Set-EnDocsContract reads a CSV row with a dd.MM.yyyy date and a decimal comma' {
        $row = [pscustomobject]@{ ExtId = "K-$([guid]::NewGuid().ToString('n').Substring(0, 8))"; Name = 'Договор аренды'; DocDate = '01.03.2024'; Amount = '1200,50'
            ContractorExtId = (Get-EnDocsDocument -Type Invoice | Where-Object { $_.Contractor.ExtId -and $_.Contractor.OrganizationId -eq 1 } | Select-Object -First 1).ContractorExtId
            OrganizationExtId = 'org-0001' }
        $result = $row | Set-EnDocsContract -PassThru -Confirm:$false
        $result.Created | Should -BeTrue
        (Get-EnDocsWrite AddOrUpdateContract)[-1].Amount | Should -Be 1200.50
    }
}

Describe 'Set-EnDocsDocument' {
    It 'pushes a structured document with its table part given as objects' {
        $ext = "INV-$([guid]::NewGuid().ToString('n').Substring(0, 8))"
        $lines = @(
            [pscustomobject]@{ Name = 'Бумага А4'; UnitName = 'шт'; Quantity = 10; Price = 250.50; TaxRate = '20%'; Amount = 2505 }
            @{ Name = 'Доставка'; Quantity = 1; Price = 500; Amount = 500 }
        )
        $r = Set-EnDocsDocument -ExtId $ext -DocTypeId 14 -Source Входящий -OrganizationExtId org-0001 -DocNumber 'СЧ-77' `
            -DocDate (Get-Date -Year 2024 -Month 5 -Day 6) -Amount 3005 -TablePart $lines -PassThru -Confirm:$false

        $r.Operation | Should -Be 'AddOrUpdateExtDoc'
        $r.Created | Should -BeTrue
        $sent = (Get-EnDocsWrite AddOrUpdateExtDoc)[-1]
        $sent.DocDate | Should -Be '06.05.2024'
        $sent.Organization.Ext_ID | Should -Be 'org-0001'
        $sent.TablePart | Should -BeOfType ([string])   # JSON text, as EnDocs carries it
        $rows = $sent.TablePart | ConvertFrom-Json
        $rows.Count | Should -Be 2
        $rows[0].AmountToPay | Should -Be '250.5'
        $rows[1].Quantity | Should -Be '1'

        (Set-EnDocsDocument -ExtId $ext -DocTypeId 14 -Source Входящий -OrganizationExtId org-0001 -Paid $true -PassThru -Confirm:$false).Created | Should -BeFalse
    }

    It 'takes documents from one CSV and their lines from a second, matched by DocumentExtId' {
        $stamp = [guid]::NewGuid().ToString('n').Substring(0, 8)
        $docs = Join-Path $TestDrive 'docs.csv'
        $lines = Join-Path $TestDrive 'lines.csv'
        @(
            [pscustomobject]@{ ExtId = "A-$stamp"; DocTypeId = 'Поступление'; Source = 'Incoming'; OrganizationExtId = 'org-0001'; DocNumber = 'ПТ-1'; DocDate = '01.04.2024' }
            [pscustomobject]@{ ExtId = "B-$stamp"; DocTypeId = '1'; Source = 'Incoming'; OrganizationExtId = 'org-0001'; DocNumber = 'ПТ-2'; DocDate = '02.04.2024' }
        ) | Export-Csv -LiteralPath $docs
        @(
            [pscustomobject]@{ DocumentExtId = "A-$stamp"; Name = 'Стол'; Quantity = '2'; Price = '1500,50' }
            [pscustomobject]@{ DocumentExtId = "A-$stamp"; Name = 'Стул'; Quantity = '4'; Price = '700' }
            [pscustomobject]@{ DocumentExtId = "B-$stamp"; Name = 'Шкаф'; Quantity = '1'; Price = '9900' }
        ) | Export-Csv -LiteralPath $lines

        $r = @(Import-Csv -LiteralPath $docs | Set-EnDocsDocument -TablePart (Import-Csv -LiteralPath $lines) -PassThru -Confirm:$false)

        $r.Created | Should -Be @($true, $true)
        $sent = @(Get-EnDocsWrite AddOrUpdateExtDoc)[-2..-1]
        $sent[0].DocTypeId | Should -Be 1
        @($sent[0].TablePart | ConvertFrom-Json).Name | Should -Be @('Стол', 'Стул')
        @($sent[0].TablePart | ConvertFrom-Json)[0].AmountToPay | Should -Be '1500.50'
        @($sent[1].TablePart | ConvertFrom-Json).Name | Should -Be @('Шкаф')
    }

    It 'Source Внутренний goes to AddOrUpdateLocalDoc' {
        $r = Set-EnDocsDocument -ExtId "M-$([guid]::NewGuid().ToString('n').Substring(0, 8))" -DocTypeId 19 -Source Internal -OrganizationExtId org-0001 -PassThru -Confirm:$false
        $r.Operation | Should -Be 'AddOrUpdateLocalDoc'
        $r.Created | Should -BeTrue
    }

    It 'a bad table row is one EnDocs.ValidationFailed error naming the row and the field; nothing is sent for that document' {
        $before = @(Get-EnDocsWrite AddOrUpdateExtDoc).Count
        Set-EnDocsDocument -ExtId 'BAD-1' -DocTypeId 14 -Source Входящий -OrganizationExtId org-0001 -TablePart @{ Name = 'Бумага'; Quantity = 'два' } `
            -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable bad
        @($bad).Count | Should -Be 1
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'EnDocs.ValidationFailed*'
        $bad[0].Exception.Message | Should -Match 'TablePart row 1 Quantity'
        @(Get-EnDocsWrite AddOrUpdateExtDoc).Count | Should -Be $before
    }

    It 'approves a non-form document by making an invoice of it: its file moves, and it leaves the non-form list' {
        $scan = Get-EnDocsDocument -Type NonForm | Select-Object -Last 1
        $r = Set-EnDocsDocument -NonFormId $scan.Id -ExtId "FROM-$($scan.Id)" -DocTypeId 14 -Source Входящий -OrganizationExtId org-0001 -PassThru -Confirm:$false
        $r.Created | Should -BeTrue
        @(Get-EnDocsDocument -Type NonForm).Id | Should -Not -Contain $scan.Id
        $saved = @($r | Save-EnDocsFile -Path (Join-Path $TestDrive 'approved'))
        $saved.Count | Should -BeGreaterThan 0
    }
}

Describe 'Add-EnDocsDocument' {
    BeforeAll {
        $script:scans = Join-Path $TestDrive 'scans'
        $null = New-Item -ItemType Directory -Path $script:scans
        foreach ($n in 1..3) { Set-Content -LiteralPath (Join-Path $script:scans "scan$n.pdf") -Value "%PDF scan $n" }
    }

    It 'without -Name, the document is named after its file' {
        $r = Add-EnDocsDocument -Path (Join-Path $script:scans 'scan1.pdf') -Confirm:$false
        $r.FileName | Should -Be 'scan1.pdf'
        (Get-EnDocsDocument -Type NonForm -AfterId ($r.Id - 1) -First 1).Name | Should -Be 'scan1.pdf'
    }

    It 'Get-ChildItem *.pdf | Add-EnDocsDocument -OnePerFile makes one document per file' {
        $r = @(Get-ChildItem -Path (Join-Path $script:scans '*.pdf') | Add-EnDocsDocument -OnePerFile -Sender 'scanner@romashka.ru' -Confirm:$false)
        $r.Count | Should -Be 3
        $r.FileName | Should -Be @('scan1.pdf', 'scan2.pdf', 'scan3.pdf')
        @($r.Id | Select-Object -Unique).Count | Should -Be 3
        (Get-EnDocsWrite AddOrUpdateNonFormDoc)[-1].Sender | Should -Be 'scanner@romashka.ru'
    }

    It 'several files in one document is allowed, with a warning that EnDocs keeps the first' {
        $r = Get-ChildItem -Path (Join-Path $script:scans '*.pdf') | Add-EnDocsDocument -Name 'Пакет' -Confirm:$false -WarningVariable warned 3>$null
        $r.FileName | Should -Be 'Пакет.pdf'
        "$warned" | Should -BeLike '*keeps only the first file*'
    }

    It 'over 20 MB a document is refused from the file sizes before anything is sent' {
        $big = Join-Path $TestDrive 'big.bin'
        $stream = [IO.File]::Create($big); $stream.SetLength(20MB + 1); $stream.Dispose()
        $before = @(Get-EnDocsWrite AddOrUpdateNonFormDoc).Count
        Add-EnDocsDocument -Path $big -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable tooBig
        @($tooBig).Count | Should -Be 1
        $tooBig[0].FullyQualifiedErrorId | Should -BeLike 'EnDocs.PayloadTooLarge*'
        @(Get-EnDocsWrite AddOrUpdateNonFormDoc).Count | Should -Be $before
    }
}

Describe 'Save-EnDocsFile by ext id' {
    It 'takes a text ext id with -Kind ExtID, and a piped write result by its ExtId' {
        $file = Join-Path $TestDrive 'C-001.pdf'
        Set-Content -LiteralPath $file -Value '%PDF договор'
        $null = Set-EnDocsContractor -ExtId 'C-001-party' -Name 'ООО Партнёр' -OrganizationExtId org-0001 -Confirm:$false
        $null = Set-EnDocsContract -ExtId 'C-001' -Name 'Договор C-001' -ContractorExtId 'C-001-party' -OrganizationExtId org-0001 -Path $file -Confirm:$false

        $byKind = @(Save-EnDocsFile -Id 'C-001' -Kind ExtID -Path (Join-Path $TestDrive 'byext'))
        $byKind.Name | Should -Be @('C-001.pdf')
        Get-Content -LiteralPath $byKind[0].FullName | Should -Be '%PDF договор'

        # An update answers no id: the write result binds by its ExtId.
        $piped = @(Set-EnDocsContract -ExtId 'C-001' -Name 'Договор C-001' -ContractorExtId 'C-001-party' -OrganizationExtId org-0001 -PassThru -Confirm:$false |
                Save-EnDocsFile -Path (Join-Path $TestDrive 'piped'))
        $piped.Name | Should -Be @('C-001.pdf')
    }

    It 'a numeric kind given text is refused before any request, naming -Kind ExtID' {
        $before = Get-FileRequestCount
        Save-EnDocsFile -Id 'C-001' -Kind ContractID -Path (Join-Path $TestDrive 'never') -ErrorAction SilentlyContinue -ErrorVariable refused
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'EnDocs.ValidationFailed*'
        "$($refused[0].Exception.Message)" | Should -BeLike '*-Kind ExtID*'
        Get-FileRequestCount | Should -Be $before
    }

    It 'a document without files is a per-item EnDocs.NotFound, and the other documents still save' {
        $docs = @(Get-EnDocsDocument -Type Invoice -First 12)
        $saved = @($docs | Save-EnDocsFile -Path (Join-Path $TestDrive 'invoices') -ErrorAction SilentlyContinue -ErrorVariable missing)
        $saved.Count | Should -BeGreaterThan 0
        @($missing).Count | Should -BeGreaterThan 0
        $missing | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'EnDocs.NotFound*' }
    }
}

Describe 'Documents as read' {
    It 'type every party field, the table part as rows, and show DocDate as a date' {
        $input1 = Get-EnDocsDocument -Type Input -First 1
        $input1.Contractor.Bik | Should -Not -BeNullOrEmpty
        $input1.Organization.Bank | Should -Not -BeNullOrEmpty
        $input1.TablePart[0].Quantity | Should -BeOfType ([decimal])
        $input1.TablePart[0].Name | Should -Not -BeNullOrEmpty
        $table = $input1 | Format-Table | Out-String -Width 200
        $table | Should -Match ([regex]::Escape($input1.DocDate.ToString('d')))
        $table | Should -Not -Match '12:00:00'
    }

    It 'Export-Csv writes the table part on one line, and Import-Csv reads it back as rows' {
        $csv = Join-Path $TestDrive 'inputs.csv'
        Get-EnDocsDocument -Type Input -First 3 | Export-Csv -LiteralPath $csv
        $rows = @(Import-Csv -LiteralPath $csv)
        $rows.Count | Should -Be 3
        $rows[0].TablePart | Should -Match '^\[\{"Name":'
        (Get-Content -LiteralPath $csv).Count | Should -Be 4
    }

    It 'Get-EnDocsUser gives text ids, names and the blocked state' {
        $users = @(Get-EnDocsUser)
        $users.Count | Should -BeGreaterThan 0
        $users | ForEach-Object { $_.Id | Should -BeOfType ([string]); $_.Name | Should -Not -BeNullOrEmpty }
        @($users | Where-Object Blocked).Count | Should -BeGreaterThan 0
    }
}

Describe '-WhatIf sends nothing' {
    BeforeAll {
        $script:whatIfFile = Join-Path $TestDrive 'whatif.txt'
        Set-Content -LiteralPath $script:whatIfFile -Value 'x'
    }

    It '<_>' -ForEach @(
        'Set-EnDocsContractor -ExtId W-1 -Name Ромашка -Bank Банк -WhatIf'
        '[pscustomobject]@{ ExtId = "W-2"; Name = "Склад" } | Set-EnDocsDepartment -WhatIf'
        'Set-EnDocsEmployee -ExtId W-3 -LastName Петров -FirstName Пётр -MiddleName Петрович -WhatIf'
        'Set-EnDocsContract -ExtId W-4 -Name Договор -DocDate (Get-Date) -Amount 10 -ContractorExtId C-1 -OrganizationExtId org-0001 -WhatIf'
        'Set-EnDocsDocument -ExtId W-5 -DocTypeId 14 -Source Incoming -OrganizationExtId org-0001 -TablePart @{ Name = "x" } -Path $file -WhatIf'
        'Add-EnDocsDocument -Name Скан -Path $file -WhatIf'
        'Get-ChildItem $file | Add-EnDocsDocument -OnePerFile -WhatIf'
        'Get-EnDocsDocument -Type NonForm -First 2 | Deny-EnDocsDocument -Comment Нет -WhatIf'
        'Invoke-EnDocsRequest POST Dictionaries/AddOrUpdateDepartment -Body @{ RequestID = [guid]::NewGuid(); Ext_ID = "W-6"; Name = "X" } -WhatIf'
    ) {
        $file = $script:whatIfFile
        $before = Get-PostCount
        & ([scriptblock]::Create($_))
        Get-PostCount | Should -Be $before
    }

    It 'Save-EnDocsFile -WhatIf downloads nothing and creates no folder' {
        $folder = Join-Path $TestDrive 'never'
        $before = Get-FileRequestCount
        Get-EnDocsDocument -Type NonForm -First 2 | Save-EnDocsFile -Path $folder -WhatIf
        Get-FileRequestCount | Should -Be $before
        Test-Path -LiteralPath $folder | Should -BeFalse
    }
}

Describe 'Deny-EnDocsDocument' {
    It 'declines the documents piped in: EnDocs deletes them, with the reason' {
        $doc = Get-EnDocsDocument -Type NonForm | Select-Object -Last 1
        $doc | Deny-EnDocsDocument -Approver 'Иванова А.' -Comment 'Нет подписи' -Confirm:$false
        @(Get-EnDocsDocument -Type NonForm).Id | Should -Not -Contain $doc.Id
        $sent = (Get-EnDocsWrite DocApproval)[-1]
        $sent.NonFormID | Should -Be $doc.Id
        $sent.Approved | Should -BeFalse
        $sent.Comment | Should -Be 'Нет подписи'
    }

    It 'a missing id is a non-terminating EnDocs.NotFound error' {
        Deny-EnDocsDocument -Id 987654321 -Comment 'нет' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable notFound
        @($notFound).Count | Should -Be 1
        $notFound[0].FullyQualifiedErrorId | Should -BeLike 'EnDocs.NotFound*'
    }
}

Describe 'Errors' {
    AfterEach {
        Connect-EnDocs -Token $script:Token -BaseUri $script:Base
    }

    It 'Connect-EnDocs refuses a wrong token, naming the base URI and not the token' {
        $wrongToken = 'wrong-endocs-token-c41e0b9d'
        $err = { Connect-EnDocs -Token $wrongToken -BaseUri $script:Base } | Should -Throw -PassThru
        $err.FullyQualifiedErrorId | Should -BeLike 'EnDocs.Unauthorized*'
        $err.Exception.Message | Should -BeLike "*$($script:Base)*"
        ($err | Format-List * -Force | Out-String) | Should -Not -BeLike "*$wrongToken*"
    }

    It 'a wrong token is a terminating EnDocs.Unauthorized error that does not show the token' {
        $wrongToken = 'wrong-endocs-token-7d3a91c2'
        Connect-EnDocs -Token $wrongToken -BaseUri $script:Base -SkipCheck

        $err = { Get-EnDocsDocument -Type Invoice } | Should -Throw -PassThru

        $err.FullyQualifiedErrorId | Should -BeLike 'EnDocs.Unauthorized*'
        $err.Exception.Message | Should -Not -BeLike "*$wrongToken*"
        ($err | Out-String) | Should -Not -BeLike "*$wrongToken*"
        ($err | Format-List * -Force | Out-String) | Should -Not -BeLike "*$wrongToken*"
    }

    It 'a wrong token also ends a write pipeline with EnDocs.Unauthorized' {
        Connect-EnDocs -Token 'wrong-endocs-token-2' -BaseUri $script:Base -SkipCheck
        { @([pscustomobject]@{ ExtId = 'U-1'; Name = 'A' }, [pscustomobject]@{ ExtId = 'U-2'; Name = 'B' }) |
                Set-EnDocsContractor -Confirm:$false } | Should -Throw -ErrorId 'EnDocs.Unauthorized*'
    }

    It 'Invoke-EnDocsRequest on a missing file id gives EnDocs.NotFound' {
        { Invoke-EnDocsRequest GET 'File/GetMetaFileById/987654321' -ErrorAction Stop } | Should -Throw -ErrorId 'EnDocs.NotFound*'
    }
}

Describe 'Invoke-EnDocsRequest' {
    It '-All writes the items of a {"key","value"} list as PSCustomObjects' {
        $items = @(Invoke-EnDocsRequest -Method GET -Path "Output/GetNewInvoices/0/$([guid]::NewGuid())" -All)
        $items.Count | Should -Be @(Get-EnDocsDocument -Type Invoice).Count
        $items[0] | Should -BeOfType ([pscustomobject])
        $items[0].PSObject.Properties.Name | Should -Contain 'id'
    }
}

Describe 'The README EnDocs block' {
    It 'runs as written against the emulator' {
        $readme = Get-Content -Raw -LiteralPath (Join-Path (Get-TestRepoRoot) 'README.md')
        $block = [regex]::Match($readme, '(?s)### EnDocs\r?\n.*?```powershell\r?\n(.*?)```').Groups[1].Value
        $block | Should -Not -BeNullOrEmpty
        $block | Should -Match 'Connect-EnDocs'
        $script = $block.Replace('Import-Module ./out/ApiTools', "Import-Module '$(Get-TestModulePath)'")
        Push-Location $TestDrive
        $saved = $env:ENDOCS_BASE_URI
        try {
            # As the README says: ENDOCS_BASE_URI points Connect-EnDocs and every cmdlet at the emulator.
            $env:ENDOCS_BASE_URI = $script:Base
            $sb = [scriptblock]::Create("param(`$token)`n" + $script)
            $output = & $sb -token $script:Token -ErrorAction Stop 2>&1
            @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] -and
                    $_.FullyQualifiedErrorId -notlike 'EnDocs.NotFound*' -and $_.FullyQualifiedErrorId -notlike 'EnDocs.FileExists*' }) |
                Should -BeNullOrEmpty
            Test-Path (Join-Path $TestDrive 'invoices.csv') | Should -BeTrue
            Test-Path (Join-Path $TestDrive 'contracts.last') | Should -BeTrue
            @(Get-ChildItem (Join-Path $TestDrive 'files') -File).Count | Should -BeGreaterThan 0
        } finally {
            Pop-Location
            [Environment]::SetEnvironmentVariable('ENDOCS_BASE_URI', $saved)
        }
    }
}

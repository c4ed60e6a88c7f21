# End to end, in real pwsh: bad input as users type it. Each broken CSV row, id or value is one clear error that
# names the file, row, line, field or parameter; the good rows around it still reach the emulator; a file or an id
# that can never work fails before any request. (docs/reliability.md, "Bad input", lists the cases.)

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force

    $script:emu = Start-TestEmulator -ArgumentList '--evotor-stores', '2', '--evotor-products-per-store', '2', '--evotor-bulk-duration-ms', '20',
        '--planfix-rate-per-second', '0'
    Connect-Evotor -Token 'evotor-demo-token' -BaseUri $script:emu.EvotorBaseUri
    $script:S = @(Get-EvotorStore)[1].Id
    $script:Header = 'Name,Price,MeasureName,Tax,AllowToSell,Type'
    [System.Text.Encoding]::RegisterProvider([System.Text.CodePagesEncodingProvider]::Instance)

    function script:Get-RequestTotal {
        $counts = Get-EmulatorRequestCount $script:emu
        [int](($counts.Values | Measure-Object -Sum).Sum)
    }

    function script:Get-StoreNames {
        @(Get-EvotorProduct -StoreId $script:S).Name
    }
}

AfterAll {
    Disconnect-Evotor -ErrorAction SilentlyContinue
    Disconnect-PlanFix -ErrorAction SilentlyContinue
    Disconnect-EnDocs -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:emu
}

Describe 'Import-EvotorBulk -Path with broken rows among good ones' {
    BeforeAll {
        $script:csv = Join-Path $TestDrive 'mixed.csv'
        $long = 'L' * 129
        # line: 1 header, 2.. rows; row 8 spans lines 9-10; row 10 opens a quote it never closes (the file's end).
        @(
            $script:Header
            'BI-good-1,10.50,шт,NO_VAT,true,NORMAL'             # row 1, line 2
            'BI-bad-number,12abc,шт,NO_VAT,true,NORMAL'         # row 2, line 3
            'BI-too-few,1,шт,NO_VAT'                            # row 3, line 4
            'BI-decimal-comma,89,90,шт,NO_VAT,true,NORMAL'      # row 4, line 5: unquoted ',' gives 7 values
            'BI-bad-allow,1,шт,VAT_20,maybe,NORMAL'             # row 5, line 6 (VAT_20 is fine: Evotor judges tax rates)
            "$long,1,шт,NO_VAT,true,NORMAL"                     # row 6, line 7
            'BI-stray"quote,1,шт,NO_VAT,true,NORMAL'            # row 7, line 8
            '"BI-two-lines "" ok',                              # row 8, lines 9-10: a quoted newline is fine
            'second line",2,шт,NO_VAT,true,NORMAL'
            'BI-good-2,1e400,шт,NO_VAT,true,NORMAL'             # row 9, line 11: 1e400 is no number here
            'BI-good-3,3,шт,NO_VAT,true,"NORMAL'                # row 10, line 12: the quote is never closed
            'BI-swallowed,4,шт,NO_VAT,true,NORMAL'              # line 13: read into row 10's Type
        ) | Set-Content -LiteralPath $script:csv -Encoding utf8NoBOM
        $script:results = @(Import-EvotorBulk -StoreId $script:S -Path $script:csv -ErrorAction SilentlyContinue -ErrorVariable bad)
        $script:bad = $bad
        $script:names = Get-StoreNames
    }

    It 'writes one result per row, in order, and imports the good rows' {
        $script:results.Row | Should -Be (1..10)
        ($script:results | Where-Object Status -eq 'Ok').Row | Should -Be 1, 8
        $script:names | Should -Contain 'BI-good-1'
        $script:names | Should -Contain "BI-two-lines `" ok`nsecond line"
    }

    It 'sends none of the bad rows' {
        foreach ($n in 'BI-bad-number', 'BI-too-few', 'BI-decimal-comma', 'BI-bad-allow', 'BI-good-2', 'BI-good-3', 'BI-swallowed') {
            $script:names | Should -Not -Contain $n
        }
        @($script:names | Where-Object { $_ -like 'BI-stray*' -or $_ -like 'LLLL*' }) | Should -BeNullOrEmpty
    }

    It 'gives each bad row its own Evotor.ValidationFailed error naming the file, data row, line and field: <Row>' -ForEach @(
        @{ Row = 2; Line = 'line 3'; Field = 'Price: ''12abc'' is not a number' }
        @{ Row = 3; Line = 'line 4'; Field = '\(row\): has 4 values but the header names 6 columns \(AllowToSell, Type got none\)' }
        @{ Row = 4; Line = 'line 5'; Field = '\(row\): has 7 values .* must be quoted' }
        @{ Row = 5; Line = 'line 6'; Field = 'AllowToSell: ''maybe'' is not true or false' }
        @{ Row = 6; Line = 'line 7'; Field = 'Name: is 129 characters; at most 128' }
        @{ Row = 7; Line = 'line 8'; Field = 'Name: has a quote inside a value that is not quoted' }
        @{ Row = 9; Line = 'line 11'; Field = 'Price: ''1e400'' is not a number' }
        @{ Row = 10; Line = 'lines 12-13'; Field = 'Type: opens a quote on line 12 that is never closed' }
    ) {
        $e = @($script:bad | Where-Object { $_.TargetObject.Row -eq $Row })
        $e.Count | Should -Be 1
        $e[0].FullyQualifiedErrorId | Should -BeLike 'Evotor.ValidationFailed,*'
        $e[0].Exception.Message | Should -Match "^Row $Row \(mixed\.csv $Line\)"
        $e[0].Exception.Message | Should -Match $Field
        ($script:results | Where-Object Row -eq $Row).Status | Should -Be 'Invalid'
    }
}

Describe 'A file that is not UTF-8' {
    BeforeAll {
        $script:cp1251 = Join-Path $TestDrive 'cp1251.csv'
        $text = "$($script:Header)`nBI-ascii,1,pcs,NO_VAT,true,NORMAL`nBI-Молоко,2,шт,NO_VAT,true,NORMAL`n"
        [IO.File]::WriteAllBytes($script:cp1251, [Text.Encoding]::GetEncoding(1251).GetBytes($text))
    }

    It 'through -Path: one Evotor.InvalidCsv error for the file, naming the line and -Encoding windows-1251; nothing is sent' {
        $before = @(Get-StoreNames)
        $bad = { Import-EvotorBulk -StoreId $script:S -Path $script:cp1251 } | Should -Throw -ErrorId 'Evotor.InvalidCsv*' -PassThru
        $bad.Exception.Message | Should -Match 'is not UTF-8: line 3'
        $bad.Exception.Message | Should -Match '-Encoding windows-1251'
        @(Get-StoreNames).Count | Should -Be $before.Count
    }

    It 'through -Path -Encoding windows-1251 (or 1251): every row imports as written' {
        $ok = @(Import-EvotorBulk -StoreId $script:S -Path $script:cp1251 -Encoding windows-1251)
        $ok.Status | Should -Be 'Ok', 'Ok'
        Get-StoreNames | Should -Contain 'BI-Молоко'
        @(Import-EvotorBulk -StoreId $script:S -Path $script:cp1251 -Encoding 1251).Status | Should -Be 'Ok', 'Ok'
        { Import-EvotorBulk -StoreId $script:S -Path $script:cp1251 -Encoding no-such-encoding } | Should -Throw '*no-such-encoding*not an encoding*'
    }

    It 'through Import-Csv: text holding U+FFFD is refused, and -Encoding 1251 reads it right' {
        $null = Import-Csv -LiteralPath $script:cp1251 | Import-EvotorBulk -StoreId $script:S -ErrorAction SilentlyContinue -ErrorVariable bad
        $bad.Count | Should -Be 1
        $bad[0].Exception.Message | Should -Match 'Name: holds U\+FFFD.*Import-Csv -Encoding 1251'

        $ok = @(Import-Csv -LiteralPath $script:cp1251 -Encoding 1251 | Import-EvotorBulk -StoreId $script:S)
        $ok.Status | Should -Be 'Ok', 'Ok'
        Get-StoreNames | Should -Contain 'BI-Молоко'
    }
}

Describe 'A CSV that cannot be imported at all fails before any request' {
    BeforeEach { Reset-Emulator $script:emu }

    It 'a missing required column: Evotor.InvalidCsv naming the file and the columns' {
        $f = Join-Path $TestDrive 'nocols.csv'
        "Name,Price`nA,1" | Set-Content -LiteralPath $f
        { Import-EvotorBulk -StoreId $script:S -Path $f } | Should -Throw -ErrorId 'Evotor.InvalidCsv,*' -ExpectedMessage "*nocols.csv' has no MeasureName, Tax, AllowToSell, Type columns*"
        Get-RequestTotal | Should -Be 0
    }

    It 'the wrong delimiter: the message says so' {
        $f = Join-Path $TestDrive 'semi.csv'
        "Name;Price;MeasureName;Tax;AllowToSell;Type`nA;1;шт;NO_VAT;true;NORMAL" | Set-Content -LiteralPath $f
        { Import-EvotorBulk -StoreId $script:S -Path $f } | Should -Throw -ErrorId 'Evotor.InvalidCsv,*' -ExpectedMessage '*-Delimiter*'
        Get-RequestTotal | Should -Be 0
    }

    It 'a column named twice, an empty file, a missing file' {
        $dup = Join-Path $TestDrive 'dup.csv'
        "Name,Price,price`nA,1,2" | Set-Content -LiteralPath $dup
        { Import-EvotorBulk -StoreId $script:S -Path $dup } | Should -Throw -ErrorId 'Evotor.InvalidCsv,*' -ExpectedMessage "*names one column twice, as 'Price' and 'price'*"
        $empty = Join-Path $TestDrive 'empty.csv'
        Set-Content -LiteralPath $empty -Value ''
        { Import-EvotorBulk -StoreId $script:S -Path $empty } | Should -Throw -ErrorId 'Evotor.InvalidCsv,*' -ExpectedMessage '*has no header row*'
        { Import-EvotorBulk -StoreId $script:S -Path (Join-Path $TestDrive 'nope.csv') } | Should -Throw -ErrorId 'Evotor.FileNotFound,*' -ExpectedMessage '*nope.csv*'
        Get-RequestTotal | Should -Be 0
    }
}

Describe 'Unknown columns are ignored with one warning' {
    It 'through -Path and through the pipeline, naming the column' {
        $f = Join-Path $TestDrive 'unknown.csv'
        "$($script:Header),Quantitiy`nBI-typo,1,шт,NO_VAT,true,NORMAL,5`nBI-typo-2,1,шт,NO_VAT,true,NORMAL,6" | Set-Content -LiteralPath $f
        $out = @(Import-EvotorBulk -StoreId $script:S -Path $f -WarningVariable warned 3>$null)
        $out.Status | Should -Be 'Ok', 'Ok'
        $warned.Count | Should -Be 1
        "$warned" | Should -Match "'unknown\.csv' has a column 'Quantitiy' that no product field has, so it is ignored"

        $made = @(Import-Csv -LiteralPath $f | New-EvotorProduct -StoreId $script:S -WarningVariable warned2 3>$null)
        $made.Count | Should -Be 2
        $warned2.Count | Should -Be 1
        "$warned2" | Should -Match "Item 1 has a column 'Quantitiy'"
    }
}

Describe 'Import-Csv rows piped to New-EvotorProduct' {
    It 'a bad row is one error naming the item and the field; the rows after it are still created; Evotor judges open values itself' {
        $rows = @"
$($script:Header),CostPrice
BI-pipe-1,5,шт,NO_VAT,true,NORMAL,
BI-pipe-2,5,шт,NO_VAT,true,SERVICES,-1
BI-pipe-3,99999999,шт,NO_VAT,true,NORMAL,
BI-pipe-4,5,шт,NO_VAT,true,NORMAL,1
"@ | ConvertFrom-Csv
        $made = @($rows | New-EvotorProduct -StoreId $script:S -ErrorAction SilentlyContinue -ErrorVariable bad)
        $made.Name | Should -Be 'BI-pipe-1', 'BI-pipe-4'
        $bad.Count | Should -Be 2
        # A type and a cost price no contract rules out go to Evotor, whose 400 names each field; the error names the item.
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'Evotor.ValidationFailed,*'
        "$($bad[0].TargetObject)" | Should -Match "^item 2 \('BI-pipe-2'\)"
        $bad[0].Exception.Message | Should -Match 'type: '
        $bad[0].Exception.Message | Should -Match 'cost_price: '
        # The price's format is the contract's (7 digits before the point): refused before sending.
        $bad[1].Exception.Message | Should -Match "^Item 3 .*Price: 99999999 has more than 7 digits before the decimal point"
    }
}

Describe 'Malformed ids are refused at binding, naming the parameter, before any request' {
    BeforeEach { Reset-Emulator $script:emu }

    It '<Command>' -ForEach @(
        @{ Command = 'Get-EvotorStore -Id "x,y"'; Parameter = 'StoreId'; Why = 'has a comma' }
        @{ Command = 'Get-EvotorProduct -StoreId " "'; Parameter = 'StoreId'; Why = 'is blank' }
        @{ Command = 'Get-EvotorProduct -StoreId $S -Id "abc "'; Parameter = 'Id'; Why = 'has spaces around it' }
        @{ Command = 'Remove-EvotorProduct -StoreId $S -Id "a,b" -Confirm:$false'; Parameter = 'Id'; Why = 'would read it as two' }
        @{ Command = 'Get-EvotorDocument -StoreId ("x" * 129)'; Parameter = 'StoreId'; Why = 'is 129 characters' }
        @{ Command = 'Get-PlanFixTask -Id 0'; Parameter = 'Id'; Why = 'minimum allowed range of 1' }
        @{ Command = 'Get-PlanFixHandbookRecord -Handbook 131 -Key 0'; Parameter = 'Key'; Why = 'minimum allowed range of 1' }
        @{ Command = 'Deny-EnDocsDocument -Id -1 -Comment x -Confirm:$false'; Parameter = 'Id'; Why = 'minimum allowed range of 1' }
        @{ Command = 'Get-PlanFixAction -TaskId abc'; Parameter = 'TaskId'; Why = 'Int64' }
        @{ Command = 'New-EvotorProduct -StoreId $S -Name X -Price 1e30'; Parameter = 'Price'; Why = 'too large' }
    ) {
        $S = $script:S
        $err = $null
        try { & ([scriptblock]::Create($Command)) -ErrorAction Stop } catch { $err = $_ }
        $err | Should -Not -BeNullOrEmpty
        $err.Exception.Message | Should -Match "parameter '$Parameter'"
        $err.Exception.Message | Should -Match ([regex]::Escape($Why))
        Get-RequestTotal | Should -Be 0
    }

    It 'a piped row with a bad StoreId fails alone; the next row is still read' {
        $out = @([pscustomobject]@{ StoreId = 'bad id' }, [pscustomobject]@{ StoreId = $script:S } |
            Get-EvotorProductGroup -ErrorAction SilentlyContinue -ErrorVariable bad)
        $bad.Count | Should -Be 1
        $bad[0].Exception.Message | Should -Match "parameter 'StoreId'.*'bad id' is not an Evotor id: it has a space in it"
        $out.Count | Should -BeGreaterThan 0
        $out.StoreId | Select-Object -Unique | Should -Be $script:S
    }
}

Describe 'PlanFix rows with bad fields' {
    BeforeAll {
        Connect-PlanFix -Account demo -ApiKey planfix-demo-key -Token planfix-demo-token -BaseUri "$($script:emu.Address)/planfix/xml/" -RequestsPerSecond 50
    }

    It 'each bad row is one PlanFix.ValidationFailed error naming the item and field; the good rows are added' {
        $rows = @"
Title,OwnerId,Status,EndTime
BI-task-1,,,
BI-task-2,abc,,
BI-task-3,,99999999999,
BI-task-4,0,,31-02-2024
BI-task-5,,,
"@ | ConvertFrom-Csv
        $made = @($rows | New-PlanFixTask -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable bad)
        $made.Title | Should -Be 'BI-task-1', 'BI-task-5'
        (Get-PlanFixTask -Id $made[1].Id).Title | Should -Be 'BI-task-5'
        $bad.Count | Should -Be 3
        $bad | ForEach-Object { $_.FullyQualifiedErrorId | Should -BeLike 'PlanFix.ValidationFailed,*' }
        $bad[0].Exception.Message | Should -Match "^Item 2 \('BI-task-2'\).*OwnerId: 'abc' is not a number"
        # A status is a name, an id or a system value: the account's status sets judge it, before anything is sent.
        $bad[1].Exception.Message | Should -Match "^Status '99999999999' is not a status of this account.*nothing was sent for task 'BI-task-3'"
        $bad[2].Exception.Message | Should -Match "^Item 4 .*OwnerId: 0 is not an id.*EndTime: '31-02-2024' is not a date"
    }
}

Describe 'EnDocs rows with bad fields' {
    BeforeAll {
        Connect-EnDocs -Token 'endocs-demo-token' -BaseUri "$($script:emu.Address)/endocs"
    }

    It 'a bad row is one EnDocs.ValidationFailed error naming the item and field; the others are written' {
        $rows = @"
ExtId,Name,Inn,Kpp
BI-C-1,Good One,7701234567,770101001
BI-C-2,Bad Inn,77012,
BI-C-3,Good Two,500100732259,
"@ | ConvertFrom-Csv
        $written = @($rows | Set-EnDocsContractor -PassThru -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable bad)
        $written.Count | Should -Be 2
        $bad.Count | Should -Be 1
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'EnDocs.ValidationFailed,*'
        $bad[0].Exception.Message | Should -Match "^Item 2 \('BI-C-2'\).*Inn: '77012' is not 10 or 12 digits"
    }
}

Describe 'The escape hatches refuse what cannot be sent, with the service''s id' {
    BeforeAll {
        Connect-PlanFix -Account demo -ApiKey planfix-demo-key -Token planfix-demo-token -BaseUri "$($script:emu.Address)/planfix/xml/" -RequestsPerSecond 50
        Connect-EnDocs -Token 'endocs-demo-token' -BaseUri "$($script:emu.Address)/endocs"
    }
    BeforeEach { Reset-Emulator $script:emu }

    It '<Command>' -ForEach @(
        @{ Command = 'Invoke-EvotorRequest POST stores -All'; Id = 'Evotor.InvalidArgument'; Message = '*-All*GET only*' }
        @{ Command = 'Invoke-EnDocsRequest POST Output/GetClientInfo -All'; Id = 'EnDocs.InvalidArgument'; Message = '*-All*GET only*' }
        @{ Command = 'Invoke-PlanFixRequest task.getList -All -Parameters @{ pageSize = "abc" }'; Id = 'PlanFix.InvalidArgument'; Message = "*pageSize 'abc' is not a whole number*" }
        @{ Command = 'Invoke-PlanFixRequest task.get -Body "<task><id>1</task>"'; Id = 'PlanFix.InvalidBody'; Message = '*not well-formed XML*' }
    ) {
        { & ([scriptblock]::Create($Command)) } | Should -Throw -ErrorId "$Id,*" -ExpectedMessage $Message
        Get-RequestTotal | Should -Be 0
    }
}

Describe 'Huge paging values' {
    It '-First and -Skip at their maximum are accepted and bounded by what there is' {
        @(Get-EvotorStore -First ([uint64]::MaxValue)).Count | Should -Be 2
        @(Get-EvotorStore -Skip ([uint64]::MaxValue)).Count | Should -Be 0
    }
}

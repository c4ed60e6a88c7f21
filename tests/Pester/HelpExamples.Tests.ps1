# Every example of every help page (docs/<Verb-Noun>.md, "## EXAMPLES"), run as written against the emulator: the
# variables an example takes as given ($storeId, $token, $a and $b for two stores…) hold real values of the emulator's
# data, the files it reads (p.csv, tasks.csv, contractors.csv, scans/*.pdf…) are in the folder it runs in, the service
# roots an example names (https://api.evotor.ru, http://127.0.0.1:5000/planfix/xml/…) point at an emulator, and what the
# pages say to do first (set contractors up) is done. An example passes when it ends without a terminating error and
# writes no error it does not ask for (-ErrorAction/-ErrorVariable).

BeforeDiscovery {
    $docs = Join-Path $PSScriptRoot '../../docs'
    # Every cmdlet's page (APITOOLS_HELP_PAGES narrows it to the pages whose name matches, when working on a few).
    $script:Pages = if ($env:APITOOLS_HELP_PAGES) { $env:APITOOLS_HELP_PAGES } else { '.' }
    $script:Examples = foreach ($page in Get-ChildItem -LiteralPath $docs -Filter '*-*.md' -File | Where-Object BaseName -match $script:Pages | Sort-Object Name) {
        $text = Get-Content -Raw -LiteralPath $page.FullName
        $section = [regex]::Match($text, '(?s)## EXAMPLES(.*?)## PARAMETERS').Groups[1].Value
        foreach ($m in [regex]::Matches($section, '(?s)### (Example [^\r\n]*)\r?\n```powershell\r?\n(.*?)```')) {
            $service = if ($page.BaseName -match 'Evotor') { 'Evotor' } elseif ($page.BaseName -match 'PlanFix') { 'PlanFix' } else { 'EnDocs' }
            @{ Page = $page.BaseName; Title = $m.Groups[1].Value.Trim(); Code = $m.Groups[2].Value; Service = $service }
        }
    }
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    Import-Module (Join-Path $PSScriptRoot 'SampleFiles.psm1') -Force
    # The services' own pacing is off: every example runs at the pace Connect-All sets, the fastest there is.
    $script:emu = Start-TestEmulator -ArgumentList '--planfix-rate-per-second', '0', '--endocs-rate-limit', '0', '--planfix-account', 'acme',
        '--evotor-stores', '4', '--evotor-bulk-duration-ms', '50'
    $script:Roots = @{
        Evotor  = $script:emu.EvotorBaseUri
        PlanFix = "$($script:emu.Address)/planfix/xml/"
        EnDocs  = "$($script:emu.Address)/endocs"
    }
    $script:Environment = @{
        EVOTOR_TOKEN = 'evotor-demo-token'; EVOTOR_BASE_URI = $script:Roots.Evotor
        ENDOCS_TOKEN = 'endocs-demo-token'; ENDOCS_BASE_URI = $script:Roots.EnDocs
        PLANFIX_ACCOUNT = 'acme'; PLANFIX_API_KEY = 'planfix-demo-key'; PLANFIX_TOKEN = 'planfix-demo-token'; PLANFIX_BASE_URI = $script:Roots.PlanFix
    }
    $script:Saved = @{}
    $script:Garnet = $null
    $script:LocalEmulator = $null
    foreach ($name in $script:Environment.Keys) { $script:Saved[$name] = [Environment]::GetEnvironmentVariable($name) }

    function script:Connect-All {
        foreach ($name in $script:Environment.Keys) { [Environment]::SetEnvironmentVariable($name, $script:Environment[$name]) }
        Connect-Evotor -Token 'evotor-demo-token'
        # The first connection to a key sets its pace for the process (the examples' own Connect-* keep it): fast, as the
        # emulator's own pacing is off, and the examples together make more requests than a minute of EnDocs' 300 allows.
        Connect-EnDocs -Token 'endocs-demo-token' -RequestsPerMinute 6000
        Connect-PlanFix -Account acme -ApiKey planfix-demo-key -Token planfix-demo-token -RequestsPerSecond 1000
    }
    Connect-All

    # Real ids for the names the examples use.
    $stores = @(Get-EvotorStore)
    $product = Get-EvotorProduct -StoreId $stores[0].Id -First 1
    $png = [Convert]::FromBase64String('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAADklEQVR4nGNgYGBgYAAAAAUAAXpeqz8AAAAASUVORK5CYII=')
    $script:Fixtures = Join-Path $TestDrive 'fixtures'
    $null = New-Item -ItemType Directory -Path $script:Fixtures
    foreach ($name in 'milk.png', 'milk-new.png') { [IO.File]::WriteAllBytes((Join-Path $script:Fixtures $name), $png) }
    [IO.File]::WriteAllBytes((Join-Path $script:Fixtures 'photo.jpg'), [byte[]](0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 0x4A, 0x46, 0x49, 0x46))
    # Each example starts from the seeded data; the image the image examples name is added again each time.
    $script:ImageProduct = $product
    function script:Add-FixtureImage { Add-EvotorProductImage -StoreId $script:ImageProduct.StoreId -ProductId $script:ImageProduct.Id -Path (Join-Path $script:Fixtures 'milk.png') }
    $image = Add-FixtureImage
    # The EnDocs account as the pages assume it: the user's contractors set up first (contracts and documents name them
    # by ext id, and EnDocs makes no contractor it does not know unless named), and the user's contracts with their
    # scans (files are fetched by a contract's ext id). The pages whose examples load these files start without them.
    function script:Add-UserReferenceData([string] $Page) {
        Push-Location $script:Fixtures
        try {
            if ($Page -ne 'Set-EnDocsContractor') { $null = Import-Csv contractors.csv | Set-EnDocsContractor }
            if ($Page -notmatch '^Set-EnDocsContract') { $null = Import-Csv contracts.csv | Set-EnDocsContract }
        } finally {
            Pop-Location
        }
    }
    $common = @{ storeId = $stores[0].Id; a = $stores[0].Id; b = $stores[1].Id; otherStoreId = $stores[2].Id; id1 = $stores[0].Id }
    $script:Values = @{
        Evotor  = $common + @{
            token = 'evotor-demo-token'; mainToken = 'evotor-demo-token'; testToken = 'evotor-demo-token-2'
            productId = $product.Id; groupId = (Get-EvotorProductGroup -StoreId $stores[0].Id -First 1).Id
            archiveId = (Get-EvotorProductGroup -StoreId $stores[0].Id -First 2 | Select-Object -Last 1).Id
            deviceId = (Get-EvotorDevice -First 1).Id; employeeId = (Get-EvotorEmployee -First 1).Id
            documentId = (Get-EvotorDocument -StoreId $stores[0].Id -First 1).Id; imageId = $image.Id
            taskId = (Get-EvotorBulkTask -First 1).Id
        }
        PlanFix = $common + @{
            token = 'planfix-demo-token'; mainToken = 'planfix-demo-token'; testToken = 'planfix-demo-token-2'
            apiKey = 'planfix-demo-key'; key = 'planfix-demo-key'; userToken = 'planfix-demo-token'; taskId = (Get-PlanFixTask -First 1).Id
        }
        EnDocs  = $common + @{
            token = 'endocs-demo-token'; mainToken = 'endocs-demo-token'; testToken = 'endocs-demo-token-2'
            # The highest id the last run kept: some receipts of goods are new since.
            last = (Get-EnDocsDocument -Type Input -First 3 | Select-Object -Last 1).Id
        }
    }

    # Files the examples read, made from the emulator's data as a user's exports would be.
    Push-Location $script:Fixtures
    try {
        Get-EvotorProduct -StoreId $stores[0].Id | Export-Csv p.csv
        Copy-Item p.csv products.csv; Copy-Item p.csv new-products.csv; Copy-Item p.csv to-delete.csv
        # A catalogue of its own, with no groups, for the examples that import into any store.
        Get-EvotorProduct -StoreId $stores[0].Id | Select-Object * -ExcludeProperty ParentId | Export-Csv big.csv
        # Excel's "CSV" under a Russian Windows: ';' between columns, Windows-1251 text.
        $excel = Get-EvotorProduct -StoreId $stores[0].Id -First 5 | Select-Object * -ExcludeProperty ParentId | ConvertTo-Csv -Delimiter ';'
        [IO.File]::WriteAllLines((Join-Path (Get-Location).ProviderPath 'excel.csv'), [string[]] $excel, [Text.Encoding]::GetEncoding(1251))
        Get-EvotorProductGroup -StoreId $stores[0].Id | Export-Csv groups.csv
        Get-EvotorStore | Export-Csv stores.csv
        Get-PlanFixTask -First 5 | Export-Csv tasks.csv
        @([pscustomobject]@{ Title = 'Сверить остатки'; Importance = 'High' }, [pscustomobject]@{ Title = 'Позвонить поставщику'; Importance = 'Average' }) |
            Export-Csv new-tasks.csv
        @'
Name,LastName,Email,Phones,Post,Источник
Ольга,Смирнова,smirnova@example.ru,+7 900 123-45-67;+7 495 765-43-21,Закупщик,Выставка
Игорь,Котов,kotov@example.ru,+7 901 222-33-44,Директор,Сайт
'@ | Set-Content leads.csv
        @'
Title,Description,EndDate,Бюджет
Открытие филиала в Самаре,Аренда и ремонт помещения,2027-03-31,1200000
Переход на ЭДО,,2026-12-31,150000
'@ | Set-Content projects.csv
        @'
Наименование,Цена,Артикул
Кабель UTP 5e,45.50,CAB-5E
Коннектор RJ-45,12,RJ45-8P8C
'@ | Set-Content goods.csv
        # Prices raised by a tenth, in the shape Get-PlanFixHandbookRecord's page exports them.
        Get-PlanFixHandbookRecord -Handbook 132 -First 5 | Select-Object Key, @{ n = 'Цена'; e = { [math]::Round($_.Values['Цена'].Value * 1.1) } } |
            Export-Csv prices.csv
        @'
ExtId,Name,Inn,Kpp
C-001,ООО Ромашка,7701234567,770101001
C-002,ИП Петров,500100732259,
'@ | Set-Content contractors.csv
        @'
ExtId,Name,DocNumber,DocDate,Amount,ContractorExtId,OrganizationExtId,Path
K-15,Договор поставки № 15,15,01.03.2024,"120000,50",C-001,org-0001,contract.pdf
'@ | Set-Content contracts.csv
        @'
ExtId,LastName,FirstName,MiddleName,Email,Position,DepartmentExtId
E-1,Иванова,Анна,Сергеевна,ivanova@romashka.ru,Бухгалтер,dep-0001
E-2,Котов,Павел,Андреевич,kotov@romashka.ru,Кладовщик,dep-0003
'@ | Set-Content employees.csv
        @'
ExtId,Name,FullName,Manager,Code,OrganizationExtId
dep-0001,Бухгалтерия,Бухгалтерия,user1@romashka.ru,1,org-0001
dep-0005,Отдел продаж,Отдел продаж,user2@romashka.ru,5,org-0001
'@ | Set-Content departments.csv
        @'
ExtId,DocTypeId,Source,OrganizationExtId,DocNumber,DocDate,Amount
INV-80,14,Входящий,org-0001,СЧ-80,2024-05-06,3005
INV-81,14,Входящий,org-0001,СЧ-81,2024-05-07,750
'@ | Set-Content documents.csv
        @'
DocumentExtId,Name,Quantity,Price,Amount
INV-80,Бумага А4,10,250.50,2505
INV-80,Доставка,1,500,500
INV-81,Картридж HP 85A,1,750,750
'@ | Set-Content lines.csv
        $null = New-Item -ItemType Directory scans
        foreach ($name in 'scans/act-2024-03.pdf', 'scans/act-2024-04.pdf', 'contract.pdf', 'scan.pdf', 'report.pdf', 'memo.pdf', 'inv-77.pdf') {
            New-SamplePdf -Path (Join-Path (Get-Location).ProviderPath $name) -Text ([IO.Path]::GetFileNameWithoutExtension($name))
        }
        New-SampleDocx -Path (Join-Path (Get-Location).ProviderPath 'memo.docx') -Text 'Служебная записка'
    } finally {
        Pop-Location
    }
}

AfterAll {
    foreach ($name in $script:Saved.Keys) { [Environment]::SetEnvironmentVariable($name, $script:Saved[$name]) }
    Disconnect-Evotor; Disconnect-PlanFix; Disconnect-EnDocs
    Stop-TestEmulator $script:emu
    Stop-TestEmulator $script:LocalEmulator
    if ($script:Garnet) { Stop-TestGarnet $script:Garnet; $env:REDIS_CONFIGURATION = $null }
}

Describe 'Help examples' {
    It '<Page>, <Title>' -ForEach $script:Examples {
        # The services' roots an example names go to the emulator that plays them; the emulator a user starts on this
        # machine (http://127.0.0.1:5000, with its defaults: PlanFix account demo) is one of its own, started the first time.
        $code = $Code
        $code = $code.Replace('https://api.evotor.ru', $script:Roots.Evotor)
        foreach ($root in 'https://api.endocs.cloud', 'https://endocs.example.com/api') { $code = $code.Replace($root, $script:Roots.EnDocs) }
        foreach ($root in 'https://api.planfix.com/xml/', 'https://api.planfix.ru/xml/', 'https://api-sg.planfix.com/xml/') {
            $code = $code.Replace($root, $script:Roots.PlanFix)
        }
        if ($code.Contains('http://127.0.0.1:5000')) {
            if (-not $script:LocalEmulator) { $script:LocalEmulator = Start-TestEmulator }
            Reset-Emulator $script:LocalEmulator
            $code = $code.Replace('http://127.0.0.1:5000', $script:LocalEmulator.Address)
        }
        # An example that shares the budget through Redis gets a real one (garnet-server), started the first time.
        if ($code -match 'REDIS_CONFIGURATION' -and -not $script:Garnet) {
            Import-Module (Join-Path $PSScriptRoot 'Garnet.psm1') -Force
            $script:Garnet = Start-TestGarnet
            $env:REDIS_CONFIGURATION = $script:Garnet.Configuration
        }
        $folder = Join-Path $TestDrive ([guid]::NewGuid().ToString('n'))
        Copy-Item -LiteralPath $script:Fixtures -Destination $folder -Recurse
        $values = $script:Values[$Service].Clone()
        Reset-Emulator $script:emu
        if ($Page -ne 'Add-EvotorProductImage') { $values.imageId = (Add-FixtureImage).Id }
        if ($Service -eq 'EnDocs') { Add-UserReferenceData $Page }
        $parameters = ($values.Keys | ForEach-Object { "`$$_" }) -join ', '
        # Get-Credential would ask at the console; here it answers what a user would type for the emulator.
        # A user's session: the defaults, whatever this test runner prefers (strict mode, errors as exceptions).
        $prelude = "param($parameters)`nSet-StrictMode -Off`n`$ErrorActionPreference = 'Continue'`n`$ConfirmPreference = 'None'`n" +
            "function Get-Credential { [pscredential]::new('demo', (ConvertTo-SecureString 'demo-password' -AsPlainText -Force)) }`n"
        $expectsErrors = $code -match '-ErrorAction\s+(SilentlyContinue|Ignore)|-ErrorVariable|\btry\s*\{'
        Push-Location $folder
        try {
            $output = & ([scriptblock]::Create($prelude + $code)) @values 2>&1 3>$null 6>$null
            $errors = @($output | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] })
            if (-not $expectsErrors) { $errors | ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" } | Should -BeNullOrEmpty }
        } finally {
            Pop-Location
            Connect-All
        }
    }
}

# Every example of every help page (docs/<Verb-Noun>.md, "## EXAMPLES"), run as written against the emulator: the
# variables an example takes as given ($storeId, $token, $a and $b for two stores…) hold real values of the emulator's
# data, the files it reads (p.csv, tasks.csv, contractors.csv…) are in the folder it runs in, and the service roots an
# example names (https://api.evotor.ru, http://127.0.0.1:5000/planfix/xml/…) point at the emulator. An example passes
# when it ends without a terminating error and writes no error it does not ask for (-ErrorAction/-ErrorVariable).

BeforeDiscovery {
    $docs = Join-Path $PSScriptRoot '../../docs'
    # The Evotor pages and the connection cmdlets' pages for now; the PlanFix and EnDocs pages join as their rework lands.
    $script:Examples = foreach ($page in Get-ChildItem -LiteralPath $docs -Filter '*-*.md' -File | Where-Object BaseName -match 'Evotor|Connection$' | Sort-Object Name) {
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
    $script:emu = Start-TestEmulator -ArgumentList '--planfix-rate-per-second', '0', '--planfix-account', 'acme', '--evotor-stores', '4',
        '--evotor-bulk-duration-ms', '50'
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
    foreach ($name in $script:Environment.Keys) { $script:Saved[$name] = [Environment]::GetEnvironmentVariable($name) }

    function script:Connect-All {
        foreach ($name in $script:Environment.Keys) { [Environment]::SetEnvironmentVariable($name, $script:Environment[$name]) }
        Connect-Evotor -Token 'evotor-demo-token'
        Connect-EnDocs -Token 'endocs-demo-token'
        # The first connection sets the pace for the process: fast, as the emulator's own pacing is off.
        Connect-PlanFix -Account acme -ApiKey planfix-demo-key -Token planfix-demo-token -RequestsPerSecond 50
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
        EnDocs  = $common + @{ token = 'endocs-demo-token'; mainToken = 'endocs-demo-token'; testToken = 'endocs-demo-token-2' }
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
ExtId,Name,Inn,Kpp
C-001,ООО Ромашка,7701234567,770101001
C-002,ИП Петров,500100732259,
'@ | Set-Content contractors.csv
        @'
ExtId,Name,DocNumber,DocDate,Amount,ContractorExtId
K-15,Договор поставки № 15,15,01.03.2024,120000.50,C-001
'@ | Set-Content contracts.csv
        @'
ExtId,Name,Position,Email,DepartmentExtId
E-1,Иванова Анна,Бухгалтер,ivanova@example.com,D-1
'@ | Set-Content employees.csv
        @'
ExtId,Name,ParentExtId
D-1,Бухгалтерия,
'@ | Set-Content departments.csv
        foreach ($name in 'act-2024-03.pdf', 'contract.pdf', 'scan.pdf', 'invoices.csv') { Set-Content -LiteralPath $name -Value "%PDF-1.4 sample $name" }
    } finally {
        Pop-Location
    }
}

AfterAll {
    foreach ($name in $script:Saved.Keys) { [Environment]::SetEnvironmentVariable($name, $script:Saved[$name]) }
    Disconnect-Evotor; Disconnect-PlanFix; Disconnect-EnDocs
    Stop-TestEmulator $script:emu
    if ($script:Garnet) { Stop-TestGarnet $script:Garnet; $env:REDIS_CONFIGURATION = $null }
}

Describe 'Help examples' {
    It '<Page>, <Title>' -ForEach $script:Examples {
        # The service roots an example names go to the emulator.
        $code = $Code
        foreach ($root in 'https://api.evotor.ru', 'http://127.0.0.1:5000/evotor') { $code = $code.Replace($root, $script:Roots.Evotor) }
        foreach ($root in 'https://api.endocs.cloud', 'https://endocs.example.com/api', 'http://127.0.0.1:5000/endocs') { $code = $code.Replace($root, $script:Roots.EnDocs) }
        foreach ($root in 'https://api.planfix.com/xml/', 'https://api.planfix.ru/xml/', 'https://api-sg.planfix.com/xml/', 'http://127.0.0.1:5000/planfix/xml/') {
            $code = $code.Replace($root, $script:Roots.PlanFix)
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

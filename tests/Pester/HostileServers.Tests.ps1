# End to end, in real pwsh: issue 19's cases as users meet them. A proxy in the environment never sees a loopback call
# (nor its token), a token with a line break is a configuration error, and a CSV line far longer than any row is refused
# by file, row and line while the rows around it are imported. (Stalls, echoes and paging faults are in the xunit layer,
# whose attempt timeout can be a second.)

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:emu = Start-TestEmulator -ArgumentList '--evotor-stores', '2', '--evotor-products-per-store', '2', '--evotor-bulk-duration-ms', '20'
    $script:Evotor = Connect-Evotor -Token 'evotor-demo-token' -BaseUri $script:emu.EvotorBaseUri -PassThru
    $script:S = @(Get-EvotorStore -Connection $script:Evotor)[1].Id
}

AfterAll {
    Disconnect-Evotor -ErrorAction SilentlyContinue
    Stop-TestEmulator $script:emu
}

Describe 'A proxy in the environment and a loopback base URI' {
    It 'sends nothing through the proxy: the call goes straight to this machine' {
        # A listener stands in for the proxy: any connection to it is the token sent through a proxy in clear.
        $proxy = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
        $proxy.Start()
        try {
            $accepted = $proxy.AcceptTcpClientAsync()
            $address = "http://127.0.0.1:$($proxy.LocalEndpoint.Port)"
            $child = @'
param($Module, $BaseUri, $Proxy)
$ErrorActionPreference = 'Stop'
# Set before the first HTTP call, which reads them; both spellings, and no NO_PROXY that would exempt this machine.
foreach ($name in 'HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'ALL_PROXY', 'all_proxy') { [Environment]::SetEnvironmentVariable($name, $Proxy) }
foreach ($name in 'NO_PROXY', 'no_proxy') { [Environment]::SetEnvironmentVariable($name, $null) }
Import-Module $Module
Connect-Evotor -Token 'evotor-demo-token' -BaseUri $BaseUri -MaxAttempts 1
"stores: $(@(Get-EvotorStore).Count)"
'@
            $output = Invoke-ChildPwsh -Script $child -WorkFolder $TestDrive -ArgumentList (Get-TestModulePath), $script:emu.EvotorBaseUri, $address

            $output | Should -Contain 'stores: 2'
            $accepted.IsCompleted | Should -BeFalse -Because 'the proxy must not see a call to loopback'
        } finally {
            $proxy.Stop()
        }
    }
}

Describe 'A token with a line break' {
    It 'from Connect-Evotor is Evotor.Configuration, naming the break and never the token' {
        $err = @(try { Connect-Evotor -Token "tok-one`ntok-two" -ErrorAction Stop } catch { $_ })
        $err[0].FullyQualifiedErrorId | Should -BeLike 'Evotor.Configuration*'
        $err[0].Exception.Message | Should -BeLike '*line break (LF)*'
        "$($err[0]) $($err[0].Exception)" | Should -Not -BeLike '*tok-one*'
    }

    It 'from EVOTOR_TOKEN is Evotor.Configuration on the first command' {
        Disconnect-Evotor -ErrorAction SilentlyContinue
        $saved = $env:EVOTOR_TOKEN, $env:EVOTOR_BASE_URI
        try {
            $env:EVOTOR_TOKEN = "tok-one`r`n"
            $env:EVOTOR_BASE_URI = $script:emu.EvotorBaseUri
            $err = @(try { Get-EvotorStore -ErrorAction Stop } catch { $_ })
            $err[0] | Should -BeOfType [System.Management.Automation.ErrorRecord]
            $err[0].FullyQualifiedErrorId | Should -BeLike 'Evotor.Configuration*'
            $err[0].Exception.Message | Should -BeLike '*EVOTOR_TOKEN*carriage return*'
        } finally {
            $env:EVOTOR_TOKEN, $env:EVOTOR_BASE_URI = $saved
        }
    }
}

Describe 'Import-EvotorBulk -Path with a line of 25 million characters' {
    It 'refuses that row by file, row and line, unread, and imports the rows around it' {
        $csv = Join-Path $TestDrive 'huge.csv'
        $writer = [IO.StreamWriter]::new($csv, $false, [Text.UTF8Encoding]::new($false))
        try {
            $writer.WriteLine('Name,Price,MeasureName,Tax,AllowToSell,Type')
            $writer.WriteLine('HS-before,1,шт,NO_VAT,true,NORMAL')
            $block = 'z' * 1000000
            for ($i = 0; $i -lt 25; $i++) { $writer.Write($block) }
            $writer.WriteLine(',1,шт,NO_VAT,true,NORMAL')
            $writer.WriteLine('HS-after,2,шт,NO_VAT,true,NORMAL')
        } finally {
            $writer.Dispose()
        }

        $bad = $null
        $results = @(Import-EvotorBulk -Connection $script:Evotor -StoreId $script:S -Path $csv -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable bad)

        $results.Status | Should -Be @('Ok', 'Invalid', 'Ok')
        $bad.Count | Should -Be 1
        $bad[0].FullyQualifiedErrorId | Should -BeLike 'Evotor.ValidationFailed*'
        $bad[0].Exception.Message | Should -BeLike '*Row 2 (huge.csv line 3)*longer than 20,000,000 characters*'
        $bad[0].Exception.Message.Length | Should -BeLessThan 1000
        @(Get-EvotorProduct -Connection $script:Evotor -StoreId $script:S).Name | Should -Contain 'HS-after'
    }
}

# End to end, in real pwsh: the default table views show dates whole (a day as a date, a moment to the minute), at the
# widths an admin's console has, and progress counts say "1 item".

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:emu = Start-TestEmulator -ArgumentList '--planfix-rate-per-second', '0'
    Connect-Evotor -Token 'evotor-demo-token' -BaseUri $script:emu.EvotorBaseUri
    Connect-EnDocs -Token 'endocs-demo-token' -BaseUri "$($script:emu.Address)/endocs"
    Connect-PlanFix -Account demo -ApiKey planfix-demo-key -Token planfix-demo-token -BaseUri "$($script:emu.Address)/planfix/xml/" -RequestsPerSecond 50
}

AfterAll {
    Disconnect-Evotor; Disconnect-EnDocs; Disconnect-PlanFix
    Stop-TestEmulator $script:emu
}

Describe 'Dates in the table views' {
    It 'an EnDocs document''s DocDate shows as a whole date at 120 columns' {
        $doc = Get-EnDocsDocument -Type Invoice -First 1
        $table = $doc | Format-Table | Out-String -Width 120
        $table | Should -Match ([regex]::Escape($doc.DocDate.ToString('d')))
    }

    It 'a PlanFix task''s EndTime shows to the minute' {
        $task = Get-PlanFixTask -Filter Active | Where-Object EndTime | Select-Object -First 1
        $table = $task | Format-Table | Out-String -Width 160
        $table | Should -Match ([regex]::Escape($task.EndTime.ToString('g')))
    }

    It 'an Evotor document''s CloseDate shows to the minute' {
        $document = Get-EvotorDocument -First 1
        $table = $document | Format-Table | Out-String -Width 120
        $table | Should -Match ([regex]::Escape($document.CloseDate.ToString('g')))
    }
}

Describe 'Offsets as TimeSpans' {
    It 'a terminal''s and a document''s time zone offset read as hours, not milliseconds' {
        $device = Get-EvotorDevice -First 1
        $device.TimezoneOffset | Should -BeOfType [timespan]
        $device.TimezoneOffset.TotalHours | Should -BeIn (-12..14)
        $document = Get-EvotorDocument -First 1
        $document.TimeZoneOffset | Should -BeOfType [timespan]
        ($document | Select-Object TimeZoneOffset | ConvertTo-Csv)[1] | Should -Match '^"-?\d{2}:\d{2}:00"$'
    }
}


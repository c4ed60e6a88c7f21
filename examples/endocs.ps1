<#
.SYNOPSIS
EnDocs in a few lines: connect, read new documents, sync incrementally, push reference data, save files.

.DESCRIPTION
Run it against the emulator with `dotnet pwsh ./build.ps1 -Task Demo`, which sets ENDOCS_TOKEN and ENDOCS_BASE_URI.
Against your account, set ENDOCS_TOKEN to the token from the account's 1C settings and leave ENDOCS_BASE_URI unset.
#>
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot '../out/ApiTools/ApiTools.psd1')

$connect = @{ Token = $env:ENDOCS_TOKEN }
if ($env:ENDOCS_BASE_URI) { $connect.BaseUri = $env:ENDOCS_BASE_URI }
Connect-EnDocs @connect
Get-EnDocsClient | Out-Host

$folder = Join-Path ([System.IO.Path]::GetTempPath()) ("apitools-endocs-" + [guid]::NewGuid().ToString('n'))
$null = New-Item -ItemType Directory -Path $folder
try {
    # "Everything after an id", streamed in id order; -StatePath remembers where the last complete run ended.
    Write-Host "== Contracts, incrementally"
    $state = Join-Path $folder 'contracts.last'
    Get-EnDocsDocument -Type Contract -StatePath $state -First 3 | Format-Table Id, Name, Amount, ContractorName | Out-Host
    $all = @(Get-EnDocsDocument -Type Contract -StatePath $state)
    Write-Host "$($all.Count) contracts read; the next run starts after id $(Get-Content -LiteralPath $state)"

    # Reference data keyed by your 1C id: created the first time, updated after.
    Write-Host "== Set-EnDocsContractor from CSV"
    "ExtId,Name,Inn,Kpp`nC-001,ООО Ромашка,7701234567,770101001" | ConvertFrom-Csv | Set-EnDocsContractor -PassThru -Confirm:$false | Out-Host

    # Files of non-form documents, under safe names inside the folder.
    Write-Host "== Save-EnDocsFile"
    Get-EnDocsDocument -Type NonForm -First 2 | Save-EnDocsFile -Path (Join-Path $folder 'files') | Format-Table Name, Length | Out-Host
} finally {
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}
Disconnect-EnDocs

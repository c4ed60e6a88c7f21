<#
.SYNOPSIS
A five-minute tour of ApiTools with Evotor stores.

.DESCRIPTION
Run it against the emulator, no Evotor account needed:

    dotnet tool restore
    dotnet pwsh ./build.ps1 -Task Demo

build.ps1 starts the emulator and sets EVOTOR_TOKEN and EVOTOR_BASE_URI for this script. Against the
real cloud, set EVOTOR_TOKEN to your application token and leave EVOTOR_BASE_URI unset.
#>
# Stop at the first error: a failing step makes the script exit non-zero.
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0

# 1. Load the module built by `./build.ps1` (out/ApiTools), by path.
Import-Module (Join-Path $PSScriptRoot '../out/ApiTools/ApiTools.psd1')

# 2. Connect. With EVOTOR_TOKEN (and EVOTOR_BASE_URI) set, every cmdlet works with no Connect at all;
#    Connect-Evotor makes the connection explicit for the rest of the session. -Token takes a
#    SecureString or plain text; the token never shows up in output, errors or verbose lines.
if (-not $env:EVOTOR_TOKEN) { throw 'Set EVOTOR_TOKEN first (build.ps1 -Task Demo does it for you).' }
$connect = @{ Token = $env:EVOTOR_TOKEN }
if ($env:EVOTOR_BASE_URI) { $connect.BaseUri = $env:EVOTOR_BASE_URI }
Connect-Evotor @connect

# 3. List the stores. Every page is fetched for you and the objects stream as they arrive.
Write-Host "`n== Stores"
$stores = @(Get-EvotorStore)
$stores | Format-Table -AutoSize | Out-Host   # the module's default table view
if ($stores.Count -eq 0) { throw 'No stores came back.' }

# 4. Export to CSV and read it back: the columns are flat and readable.
Write-Host "== Export-Csv / Import-Csv"
$folder = Join-Path ([System.IO.Path]::GetTempPath()) ("apitools-quickstart-" + [guid]::NewGuid().ToString('n'))
$null = New-Item -ItemType Directory -Path $folder
try {
    $csv = Join-Path $folder 'stores.csv'
    Get-EvotorStore | Export-Csv -LiteralPath $csv
    $rows = @(Import-Csv -LiteralPath $csv)
    Write-Host "Wrote $($rows.Count) stores to $csv; read back:"
    $rows | Select-Object Id, Name, CreatedAt | Format-Table -AutoSize | Out-Host
    if ($rows.Count -ne $stores.Count) { throw "The CSV has $($rows.Count) rows, expected $($stores.Count)." }
} finally {
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}

# 5. Take only what you need: Select-Object -First stops the paging, so no further page is requested.
Write-Host "== Get-EvotorStore | Select-Object -First 1"
Get-EvotorStore | Select-Object -First 1 | Format-List Id, StoreId, Name, Address, UserId, CreatedAt, UpdatedAt | Out-Host

# 6. The escape hatch: any API path, same auth, retries and paging; results are PSCustomObjects.
#    -All follows every page of a list.
Write-Host "== Invoke-EvotorRequest -Method GET -Path stores -All | Select-Object -First 2"
Invoke-EvotorRequest -Method GET -Path stores -All | Select-Object -First 2 | Format-Table id, name -AutoSize | Out-Host

# 7. A missing id is a per-item error: the other ids still come out, and the error lands in the
#    variable named by -ErrorVariable instead of stopping the script.
Write-Host "== A missing id, handled"
$found = @(Get-EvotorStore -Id 'no-such-id', $stores[0].Id -ErrorAction SilentlyContinue -ErrorVariable lookupErrors)
if ($found.Count -ne 1 -or $lookupErrors.Count -ne 1) { throw 'Expected one store and one not-found error.' }
Write-Host "Found: $($found[0].Name)"
foreach ($e in $lookupErrors) {
    Write-Host "Not found: $($e.TargetObject)  [$($e.FullyQualifiedErrorId)]"
}

# 8. Products of a store, streamed page by page; lists print as a;b;c, money is decimal.
Write-Host "== Get-EvotorStore -First 1 | Get-EvotorProduct -First 5"
$first = $stores[0]
$first | Get-EvotorProduct -First 5 | Out-Host            # the module's default table view

# 9. The last day's sales with their positions and payments.
Write-Host "== Get-EvotorDocument -Since (Get-Date).AddDays(-1) -Type SELL -First 3"
Get-EvotorDocument -StoreId $first.Id -Since (Get-Date).AddDays(-1) -Type SELL -First 3 | Out-Host

# 10. Writes: create, change and remove a product. Every mutator takes -WhatIf and -Confirm.
Write-Host "== New-EvotorProduct, Update-EvotorProduct, Remove-EvotorProduct"
$bread = New-EvotorProduct -StoreId $first.Id -Name 'Хлеб «Дарницкий»' -Price 45.50
$bread = $bread | Update-EvotorProduct -Price 47.90 -Quantity 30 -PassThru -Confirm:$false
Write-Host "Created and updated: $($bread.Name) at $($bread.Price), $($bread.Quantity) in stock"
$bread | Remove-EvotorProduct -Confirm:$false

# 11. Bulk import: copy the first store's products into the second through a CSV file; one result per row.
if ($stores.Count -gt 1) {
    Write-Host "== Export-Csv, then Import-EvotorBulk into another store"
    $folder = Join-Path ([System.IO.Path]::GetTempPath()) ("apitools-quickstart-" + [guid]::NewGuid().ToString('n'))
    $null = New-Item -ItemType Directory -Path $folder
    try {
        $csv = Join-Path $folder 'products.csv'
        Get-EvotorProductGroup -StoreId $first.Id | Set-EvotorProductGroup -StoreId $stores[1].Id   # groups first: products refer to them
        Get-EvotorProduct -StoreId $first.Id | Export-Csv -LiteralPath $csv
        $results = @(Import-EvotorBulk -StoreId $stores[1].Id -Path $csv)
        $results | Group-Object Status | Format-Table Name, Count -AutoSize | Out-Host
        if (@($results | Where-Object Status -ne 'Ok').Count -ne 0) { throw 'Some rows did not import.' }
    } finally {
        Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
    }
}

Disconnect-Evotor
Write-Host "`nDone."

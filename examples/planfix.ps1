<#
.SYNOPSIS
PlanFix in a few lines: connect, read tasks and projects, add a task and a comment, see the quota.

.DESCRIPTION
Run it against the emulator with `dotnet pwsh ./build.ps1 -Task Demo`, which sets PLANFIX_ACCOUNT, PLANFIX_API_KEY,
PLANFIX_TOKEN and PLANFIX_BASE_URI. Against your account, set the first three and leave PLANFIX_BASE_URI unset (or
point it at your data centre, e.g. https://api.planfix.com/xml/).
#>
$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3.0
Import-Module (Join-Path $PSScriptRoot '../out/ApiTools/ApiTools.psd1')

# Connect (token mode). One cheap call proves the account, key and token; none of them ever shows up in output.
$connect = @{ Account = $env:PLANFIX_ACCOUNT; ApiKey = $env:PLANFIX_API_KEY; Token = $env:PLANFIX_TOKEN }
if ($env:PLANFIX_BASE_URI) { $connect.BaseUri = $env:PLANFIX_BASE_URI }
Connect-PlanFix @connect
Get-PlanFixConnection | Out-Host

# Tasks stream page by page at PlanFix's pace of one request a second; -First stops the paging.
Write-Host "== Active tasks"
Get-PlanFixTask -Filter Active -First 5 | Out-Host

# A project's tasks, through the pipeline.
Write-Host "== The first project's tasks"
Get-PlanFixProject -First 1 | Get-PlanFixTask -First 3 | Format-Table General, Title, OwnerName | Out-Host

# Writes: a task and a comment on it. Every mutator takes -WhatIf and -Confirm.
Write-Host "== New-PlanFixTask, Add-PlanFixComment"
$task = New-PlanFixTask -Title 'Проверить отчёт' -Importance High -EndTime (Get-Date).AddDays(2) -Confirm:$false
$task | Add-PlanFixComment -Text 'Начато' -Confirm:$false | Out-Host

# The daily quota as the connection knows it.
Get-PlanFixQuota | Out-Host
Disconnect-PlanFix

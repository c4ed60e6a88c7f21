@{
    RootModule           = 'ApiTools.PowerShell.dll'
    ModuleVersion        = '0.1.0'
    GUID                 = '6f0c1f7e-2b1d-4c55-9a7e-3f4f3d8a0c21'
    Author               = 'ApiTools contributors'
    CompanyName          = 'ApiTools'
    Copyright            = '(c) ApiTools contributors. MIT licence.'
    Description          = 'Evotor, PlanFix and EnDocs from the PowerShell pipeline: typed objects, automatic streaming paging, shared rate limits, retries, and a CSV round trip.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    FormatsToProcess     = @('ApiTools.format.ps1xml')
    CmdletsToExport      = @(
        'Connect-Evotor'
        'Disconnect-Evotor'
        'Get-EvotorStore'
        'Get-EvotorDevice'
        'Get-EvotorEmployee'
        'Get-EvotorDocument'
        'Get-EvotorProduct'
        'Get-EvotorProductGroup'
        'Get-EvotorBulkTask'
        'New-EvotorProduct'
        'Set-EvotorProduct'
        'Update-EvotorProduct'
        'Remove-EvotorProduct'
        'New-EvotorProductGroup'
        'Set-EvotorProductGroup'
        'Update-EvotorProductGroup'
        'Remove-EvotorProductGroup'
        'Add-EvotorProductImage'
        'Get-EvotorProductImage'
        'Save-EvotorProductImage'
        'Remove-EvotorProductImage'
        'Import-EvotorBulk'
        'Invoke-EvotorRequest'
        'Connect-EnDocs'
        'Disconnect-EnDocs'
        'Get-EnDocsDocument'
        'Get-EnDocsClient'
        'Get-EnDocsUser'
        'Save-EnDocsFile'
        'Set-EnDocsContractor'
        'Set-EnDocsDepartment'
        'Set-EnDocsEmployee'
        'Set-EnDocsContract'
        'Set-EnDocsDocument'
        'Add-EnDocsDocument'
        'Deny-EnDocsDocument'
        'Invoke-EnDocsRequest'
        'Connect-PlanFix'
        'Disconnect-PlanFix'
        'Get-PlanFixTask'
        'Get-PlanFixProject'
        'Get-PlanFixContact'
        'Get-PlanFixUser'
        'Get-PlanFixAction'
        'New-PlanFixTask'
        'Set-PlanFixTask'
        'Add-PlanFixComment'
        'Get-PlanFixQuota'
        'Invoke-PlanFixRequest'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags       = @('Evotor', 'PlanFix', 'EnDocs', 'API', 'REST', 'PSEdition_Desktop', 'PSEdition_Core')
            LicenseUri = 'https://opensource.org/licenses/MIT'
        }
    }
}

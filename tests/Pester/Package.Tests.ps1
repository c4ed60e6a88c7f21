# The package a user installs: build/Package.ps1 (what `build.ps1 -Task Package` runs) packs out/ApiTools, then a
# fresh pwsh installs it from a folder repository with PSResourceGet and imports it by name, as a user would.
# Offline (the folder repository only, never PSGallery), and nothing outlives the test: the repository is registered
# under a unique name in a throwaway PSResourceGet store (XDG_DATA_HOME, where PSResourceGet keeps it on Linux and
# macOS) and unregistered, and the module goes to a temp folder, never the user's module path.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $script:RepoRoot = Get-TestRepoRoot
    $script:ModuleDir = Split-Path -Parent (Get-TestModulePath)
    $script:Manifest = Import-PowerShellDataFile -LiteralPath (Get-TestModulePath)

    function Invoke-FreshPwsh {
        param([Parameter(Mandatory)] [string] $Script, [hashtable] $Environment = @{}, [string[]] $ArgumentList = @())
        Invoke-ChildPwsh -Script $Script -Environment $Environment -ArgumentList $ArgumentList -WorkFolder $TestDrive
    }

    $script:Packages = Join-Path $TestDrive 'packages'
    $script:Modules = Join-Path $TestDrive 'modules'
    # PSResourceGet keeps its repository list under XDG_DATA_HOME on Linux and macOS: a throwaway one here.
    $script:PSResourceData = Join-Path $TestDrive 'data'
    $null = New-Item -ItemType Directory -Path $script:Modules, $script:PSResourceData -Force
    $script:Repository = "ApiToolsTest-$([guid]::NewGuid().ToString('N'))"

    # The same script build.ps1 -Task Package runs, in a child too: loading PSResourceGet creates its store.
    $pack = @'
param($PackageScript, $ModulePath, $OutputDirectory)
$ErrorActionPreference = 'Stop'
"package: $((& $PackageScript -ModulePath $ModulePath -OutputDirectory $OutputDirectory).FullName)"
'@
    $packed = Invoke-FreshPwsh -Script $pack -Environment @{ XDG_DATA_HOME = $script:PSResourceData } `
        -ArgumentList (Join-Path $script:RepoRoot 'build/Package.ps1'), $script:ModuleDir, $script:Packages
    $script:Package = Get-Item -LiteralPath (($packed | Where-Object { $_ -like 'package: *' } | Select-Object -Last 1) -replace '^package: ')
}

Describe 'build/Package.ps1' {
    It 'makes ApiTools.{version}.nupkg with the manifest, the assemblies and the help' {
        $script:Package.Name | Should -Be "ApiTools.$($script:Manifest.ModuleVersion).nupkg"
        $script:Package.DirectoryName | Should -Be ([IO.Path]::GetFullPath($script:Packages))

        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [IO.Compression.ZipFile]::OpenRead($script:Package.FullName)
        try { $entries = @($zip.Entries | ForEach-Object FullName) } finally { $zip.Dispose() }
        $entries | Should -Contain 'ApiTools.psd1'
        $entries | Should -Contain 'ApiTools.PowerShell.dll'
        $entries | Should -Contain 'ApiTools.dll'
        $entries | Should -Contain 'ApiTools.format.ps1xml'
        $entries | Should -Contain 'en-US/ApiTools.PowerShell.dll-Help.xml'
        $entries | Should -Contain 'en-US/about_ApiTools.help.txt'
        $entries | Should -Not -Contain 'System.Management.Automation.dll'
    }
}

Describe 'Installing the package from a folder repository' {
    BeforeAll {
        $environment = @{ XDG_DATA_HOME = $script:PSResourceData }
        # 1. What the user runs (Save-PSResource instead of Install-PSResource: the same download and layout,
        #    into a folder we choose rather than the user's module path).
        $install = @'
param($Repository, $Uri, $Destination)
$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name $Repository -Uri $Uri -Trusted
try {
    Find-PSResource -Name ApiTools -Repository $Repository | ForEach-Object { "found $($_.Name) $($_.Version)" }
    Save-PSResource -Name ApiTools -Repository $Repository -Path $Destination -TrustRepository
} finally {
    Unregister-PSResourceRepository -Name $Repository
}
"still registered: $(@(Get-PSResourceRepository | Where-Object Name -eq $Repository).Count)"
'@
        $script:InstallOutput = Invoke-FreshPwsh -Script $install -Environment $environment `
            -ArgumentList $script:Repository, $script:Packages, $script:Modules

        # 2. A new session that finds the module by name on its module path and loads it.
        $import = @'
param($ModulesDir)
$ErrorActionPreference = 'Stop'
$env:PSModulePath = $ModulesDir + [IO.Path]::PathSeparator + $env:PSModulePath
Import-Module ApiTools
[pscustomobject]@{
    ModuleBase = (Get-Module ApiTools).ModuleBase
    Version    = [string] (Get-Module ApiTools).Version
    Cmdlets    = @(Get-Command -Module ApiTools -CommandType Cmdlet | ForEach-Object Name)
    Synopsis   = [string] (Get-Help Get-EvotorStore).Synopsis
} | ConvertTo-Json -Compress
'@
        $lines = Invoke-FreshPwsh -Script $import -ArgumentList $script:Modules
        $script:Imported = ($lines | Where-Object { $_ -like '{*' } | Select-Object -Last 1) | ConvertFrom-Json
    }

    It 'finds the package in the repository and saves the module as ApiTools/{version}' {
        $script:InstallOutput | Should -Contain "found ApiTools $($script:Manifest.ModuleVersion)"
        Join-Path $script:Modules "ApiTools/$($script:Manifest.ModuleVersion)/ApiTools.psd1" | Should -Exist
        Join-Path $script:Modules "ApiTools/$($script:Manifest.ModuleVersion)/en-US/ApiTools.PowerShell.dll-Help.xml" | Should -Exist
    }

    It 'leaves no repository registered' {
        # Checked in the store the child used; this session's own store is never touched.
        $script:InstallOutput | Should -Contain 'still registered: 0'
    }

    It 'imports by name in a fresh pwsh and lists the cmdlets of the manifest, with their help' {
        $script:Imported.ModuleBase | Should -BeLike "$([IO.Path]::GetFullPath($script:Modules))*"
        $script:Imported.Version | Should -Be $script:Manifest.ModuleVersion
        $script:Imported.Cmdlets | Sort-Object | Should -Be ($script:Manifest.CmdletsToExport | Sort-Object)
        $script:Imported.Synopsis | Should -Not -BeNullOrEmpty
        $script:Imported.Synopsis | Should -Not -Match '^Get-EvotorStore\s'
    }
}

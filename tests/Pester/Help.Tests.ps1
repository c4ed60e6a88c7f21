# Offline help, as Get-Help shows it from the module folder: out/ApiTools/en-US/ApiTools.PowerShell.dll-Help.xml and
# about_ApiTools.help.txt, both built from docs/ by build/HelpBuilder. Every exported cmdlet is checked, so a new
# cmdlet without a complete docs/<Name>.md page fails here.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $cmdlets = @(Get-Command -Module ApiTools -CommandType Cmdlet | ForEach-Object { @{ Name = $_.Name } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-TestModulePath) -Force
    $script:DocsDir = Join-Path (Get-TestRepoRoot) 'docs'

    function Get-HelpText($Node) {
        # Get-Help's description/remarks are arrays of @{ Text }; a missing node is $null.
        (@($Node) | Where-Object { $_ } | ForEach-Object { $_.Text }) -join "`n"
    }
}

Describe 'Help of <Name>' -ForEach $cmdlets {
    BeforeAll {
        $command = Get-Command -Name $Name -Module ApiTools
        $help = Get-Help -Name $Name -Full
    }

    It 'has a synopsis of its own, not the generated syntax line' {
        $synopsis = "$($help.Synopsis)".Trim()
        $synopsis | Should -Not -BeNullOrEmpty
        # Without help, Get-Help makes the synopsis from the syntax: "<Name> [-Param <Type>] ... [<CommonParameters>]".
        $synopsis | Should -Not -Match "^$([regex]::Escape($Name))(\s|$)" -Because "docs/$Name.md must reach the built help"
        $synopsis | Should -Not -Match '<CommonParameters>'
    }

    It 'has a description' {
        Get-HelpText $help.description | Should -Not -BeNullOrEmpty
    }

    It 'has at least one example with code' {
        $examples = @(if ($help.PSObject.Properties['examples'] -and $help.examples) { $help.examples.example })
        $examples.Count | Should -BeGreaterThan 0
        foreach ($example in $examples) { "$($example.code)".Trim() | Should -Not -BeNullOrEmpty }
    }

    It 'describes every parameter' {
        # Common parameters are described by about_CommonParameters. Everything else, including what
        # SupportsPaging (-First, -Skip, -IncludeTotalCount) and SupportsShouldProcess (-WhatIf, -Confirm) add, has
        # its own section.
        $common = [System.Management.Automation.Cmdlet]::CommonParameters
        $expected = @($command.Parameters.Keys | Where-Object { $_ -notin $common })
        $documented = @{}
        foreach ($p in @(if ($help.PSObject.Properties['parameters'] -and $help.parameters) { $help.parameters.parameter })) {
            if ($p) { $documented[$p.name] = Get-HelpText $p.description }
        }

        $missing = @($expected | Where-Object { -not $documented.ContainsKey($_) })
        $undescribed = @($expected | Where-Object { $documented.ContainsKey($_) -and -not $documented[$_].Trim() })
        $unknown = @($documented.Keys | Where-Object { $_ -notin $command.Parameters.Keys })

        $missing | Should -BeNullOrEmpty -Because "every parameter of $Name needs a '### -<Name>' section in docs/$Name.md"
        $undescribed | Should -BeNullOrEmpty -Because 'each parameter section needs a description'
        $unknown | Should -BeNullOrEmpty -Because "docs/$Name.md must not describe parameters $Name does not have"
    }
}

Describe 'docs/ and the exported cmdlets' {
    It 'has a docs page (docs/{Name}.md) for every exported cmdlet' {
        $pages = @(Get-ChildItem -LiteralPath $script:DocsDir -Filter '*.md' -File | ForEach-Object BaseName)
        $missing = @(Get-Command -Module ApiTools -CommandType Cmdlet | Where-Object Name -CNotIn $pages | ForEach-Object Name)
        $missing | Should -BeNullOrEmpty
    }

    It 'has no cmdlet page (Verb-Noun.md) that names no exported cmdlet' {
        # Pages named like a cmdlet are help pages; others (about_*, performance.md) are topics and notes.
        $exported = @(Get-Command -Module ApiTools -CommandType Cmdlet | ForEach-Object Name)
        $orphans = @(Get-ChildItem -LiteralPath $script:DocsDir -Filter '*.md' -File |
            Where-Object { $_.BaseName -match '^[A-Z][a-z]+-[A-Za-z]+$' -and $_.BaseName -cnotin $exported } | ForEach-Object Name)
        $orphans | Should -BeNullOrEmpty -Because 'a page for a cmdlet that is not exported is stale (or misspelt)'
    }
}

Describe 'about_ApiTools' {
    It 'is shown by Get-Help, with its sections' {
        $topic = Get-Help about_ApiTools -ErrorAction Stop
        $text = $topic | Out-String

        $topic.Name | Should -Be 'about_ApiTools'
        "$($topic.Synopsis)" | Should -Not -BeNullOrEmpty
        $text | Should -Match '(?m)^TOPIC\s*$'
        $text | Should -Match '(?m)^SHORT DESCRIPTION\s*$'
        $text | Should -Match '(?m)^LONG DESCRIPTION\s*$'
        $text | Should -Match 'EVOTOR_TOKEN'
        # Plain text: no Markdown fences or heading marks left.
        $text | Should -Not -Match '```'
        $text | Should -Not -Match '(?m)^#{1,3} '
    }
}

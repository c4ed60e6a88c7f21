# Small real documents for the tests that upload files as a user would: a one-page PDF and a one-paragraph .docx, each
# well formed (a reader opens them), made in memory, no tool needed.
Set-StrictMode -Version 3.0

function New-SamplePdf {
    <# Writes a one-page PDF saying -Text (ASCII) at -Path. #>
    param([Parameter(Mandatory)] [string] $Path, [string] $Text = 'Sample')
    $escaped = $Text -replace '([\\()])', '\$1'
    $content = "BT /F1 18 Tf 72 770 Td ($escaped) Tj ET"
    $objects = @(
        '<< /Type /Catalog /Pages 2 0 R >>'
        '<< /Type /Pages /Kids [3 0 R] /Count 1 >>'
        '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>'
        "<< /Length $($content.Length) >>`nstream`n$content`nendstream"
        '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
    )
    $pdf = [Text.StringBuilder]::new("%PDF-1.4`n")
    $offsets = foreach ($n in 1..$objects.Count) {
        $pdf.Length
        $null = $pdf.Append("$n 0 obj`n$($objects[$n - 1])`nendobj`n")
    }
    $xref = $pdf.Length
    $null = $pdf.Append("xref`n0 $($objects.Count + 1)`n0000000000 65535 f `n")
    foreach ($offset in $offsets) { $null = $pdf.Append(('{0:D10} 00000 n ' -f $offset) + "`n") }
    $null = $pdf.Append("trailer`n<< /Size $($objects.Count + 1) /Root 1 0 R >>`nstartxref`n$xref`n%%EOF`n")
    [IO.File]::WriteAllBytes($Path, [Text.Encoding]::ASCII.GetBytes($pdf.ToString()))
}

function New-SampleDocx {
    <# Writes a Word document of one paragraph, -Text, at -Path. #>
    param([Parameter(Mandatory)] [string] $Path, [string] $Text = 'Sample')
    $parts = [ordered]@{
        '[Content_Types].xml' = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
        '_rels/.rels'         = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>'
        'word/document.xml'   = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>' +
            [Security.SecurityElement]::Escape($Text) + '</w:t></w:r></w:p></w:body></w:document>'
    }
    $stream = [IO.File]::Create($Path)
    try {
        $zip = [IO.Compression.ZipArchive]::new($stream, [IO.Compression.ZipArchiveMode]::Create)
        try {
            foreach ($name in $parts.Keys) {
                $writer = [IO.StreamWriter]::new($zip.CreateEntry($name).Open(), [Text.UTF8Encoding]::new($false))
                try { $writer.Write($parts[$name]) } finally { $writer.Dispose() }
            }
        } finally {
            $zip.Dispose()
        }
    } finally {
        $stream.Dispose()
    }
}

Export-ModuleMember -Function New-SamplePdf, New-SampleDocx

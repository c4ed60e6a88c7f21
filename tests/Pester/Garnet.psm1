# garnet-server (Microsoft's Redis-compatible server, pinned in dotnet-tools.json) for the Pester tests: started
# from its DLL in the NuGet cache on a free loopback port with Lua scripts on and atomic, stopped by PID.
# Every wait is bounded.
Set-StrictMode -Version 3.0

function Get-GarnetDllPath {
    $root = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
    $manifest = Get-Content -Raw (Join-Path $root 'dotnet-tools.json') | ConvertFrom-Json
    $version = $manifest.tools.'garnet-server'.version
    $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path ([Environment]::GetFolderPath('UserProfile')) '.nuget/packages' }
    $dll = Join-Path $packages "garnet-server/$version/tools/net10.0/any/GarnetServer.dll"
    if (-not (Test-Path -LiteralPath $dll)) { throw "garnet-server $version is not restored ('$dll'): run dotnet tool restore." }
    $dll
}

function Test-GarnetAnswer([int] $Port, [string] $Password) {
    # PING (after AUTH) as RESP arrays: Garnet refuses inline commands.
    $tcp = [System.Net.Sockets.TcpClient]::new()
    try {
        if (-not $tcp.ConnectAsync('127.0.0.1', $Port).Wait(2000)) { return $false }
        $stream = $tcp.GetStream()
        $stream.ReadTimeout = 2000
        $auth = if ($Password) { "*2`r`n`$4`r`nAUTH`r`n`$$([Text.Encoding]::UTF8.GetByteCount($Password))`r`n$Password`r`n" } else { '' }
        $bytes = [Text.Encoding]::UTF8.GetBytes($auth + "*1`r`n`$4`r`nPING`r`n")
        $stream.Write($bytes, 0, $bytes.Length)
        $buffer = [byte[]]::new(256)
        $text = ''
        while ($text -notmatch 'PONG|-ERR|-WRONGPASS|-NOAUTH') {
            $n = $stream.Read($buffer, 0, $buffer.Length)
            if ($n -le 0) { break }
            $text += [Text.Encoding]::UTF8.GetString($buffer, 0, $n)
        }
        $text -match '\+PONG'
    } catch {
        $false
    } finally {
        $tcp.Dispose()
    }
}

function Start-TestGarnet {
    <# Starts garnet-server on a free loopback port; returns @{ Port; Process; Configuration } (Configuration holds the password). #>
    [CmdletBinding()]
    param([string] $Password, [int] $TimeoutSeconds = 60)
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop()
    $argv = @((Get-GarnetDllPath), '--bind', '127.0.0.1', '--port', $port, '--lua', '--lua-transaction-mode', '-m', '64m', '-i', '16m', '-q')
    if ($Password) { $argv += '--auth', 'Password', '--password', $Password }
    $log = Join-Path ([IO.Path]::GetTempPath()) ("apitools-garnet-" + [guid]::NewGuid().ToString('n') + '.log')
    $process = Start-Process -FilePath 'dotnet' -ArgumentList ($argv -join ' ') -RedirectStandardOutput $log -NoNewWindow -PassThru
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSeconds)
    while (-not (Test-GarnetAnswer $port $Password)) {
        if ($process.HasExited -or [DateTime]::UtcNow -gt $deadline) {
            Stop-TestGarnet @{ Process = $process }
            throw "garnet-server did not answer PING on port $port within $TimeoutSeconds s."
        }
        Start-Sleep -Milliseconds 100   # poll interval; the deadline bounds the wait
    }
    [pscustomobject]@{
        Port          = $port
        Process       = $process
        Configuration = "127.0.0.1:$port" + $(if ($Password) { ",password=$Password" } else { '' })
    }
}

function Stop-TestGarnet {
    param([Parameter(Position = 0)] $Garnet)
    if (-not $Garnet) { return }
    try {
        if (-not $Garnet.Process.HasExited) { $Garnet.Process.Kill($true); $null = $Garnet.Process.WaitForExit(10000) }
    } catch [System.InvalidOperationException] { }
}

Export-ModuleMember -Function Start-TestGarnet, Stop-TestGarnet

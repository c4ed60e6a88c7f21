namespace ApiTools.Emulator;

/// <summary>Command-line host: parse switches, start, announce the address, run until Ctrl+C/SIGTERM.</summary>
public static class Program
{
    /// <summary>Exit codes: 0 normal stop, 1 could not start, 2 bad arguments.</summary>
    public static async Task<int> Main(string[] args)
    {
        CommandLine commandLine;
        try
        {
            commandLine = CommandLine.Parse(args);
        }
        catch (FormatException e)
        {
            Console.Error.WriteLine($"ApiTools emulator: {e.Message}");
            Console.Error.WriteLine(CommandLine.Usage);
            return 2;
        }
        if (commandLine.Help)
        {
            Console.WriteLine(CommandLine.Usage);
            return 0;
        }

        EmulatorServer server;
        try
        {
            server = await EmulatorServer.StartAsync(commandLine.Options, commandLine.Urls, commandLine: true);
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidOperationException or FormatException or UriFormatException)
        {
            Console.Error.WriteLine($"ApiTools emulator could not start: {e.Message}");
            return 1;
        }

        await using (server)
        {
            // Scripts read this exact line to learn the port; flush so a pipe sees it at once.
            var address = server.Address.GetLeftPart(UriPartial.Authority);
            Console.Out.WriteLine($"ApiTools emulator listening on {address}");
            Console.Out.Flush();
            await server.WaitForShutdownAsync();
        }
        return 0;
    }
}

using System.CommandLine;

namespace Nightjar.Server.Cli;

/// <summary>Entry point of the <c>nightjar</c> executable.</summary>
internal static class NightjarCli
{
    public static async Task<int> RunAsync(
        string[] args,
        TextWriter? output = null,
        TextWriter? error = null,
        CancellationToken cancellationToken = default)
    {
        var parseResult = RootCommandFactory.Create().Parse(args);
        var invocation = new InvocationConfiguration
        {
            // The host handles SIGTERM/Ctrl-C itself (ConsoleLifetime) with Shutdown:TimeoutSeconds; the
            // parser's own handler would force-exit after its 2 s default in the middle of a graceful stop.
            ProcessTerminationTimeout = null,
            Output = output ?? Console.Out,
            Error = error ?? Console.Error,
        };
        var exitCode = await parseResult.InvokeAsync(invocation, cancellationToken);

        // The parser already printed what is wrong (and help); the code tells scripts it was a usage error.
        return parseResult.Errors.Count > 0 ? ExitCodes.InvalidInput : exitCode;
    }
}

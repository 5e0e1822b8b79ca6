using System.CommandLine;
using Nightjar.Server.Hosting;

namespace Nightjar.Server.Cli;

/// <summary><c>nightjar version</c>: the informational version, including the commit when the build knows it.</summary>
internal static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the version of this build.");
        command.SetAction(parseResult =>
        {
            parseResult.InvocationConfiguration.Output.WriteLine($"nightjar {NightjarVersion.Informational}");
            return ExitCodes.Success;
        });
        return command;
    }
}

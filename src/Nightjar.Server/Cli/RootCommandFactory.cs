using System.CommandLine;

namespace Nightjar.Server.Cli;

/// <summary>
/// The command tree. A new command group (<c>nightjar sim ...</c>) or subcommand (<c>nightjar node drain</c>)
/// lives in its own file with a <c>Create()</c> and is added here or in its group.
/// </summary>
internal static class RootCommandFactory
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Nightjar: a video-surveillance recording cluster node.");
        root.Subcommands.Add(NodeCommand.Create());
        root.Subcommands.Add(VersionCommand.Create());
        root.Subcommands.Add(SimCommand.Create());
        root.Subcommands.Add(DemoCommand.Create());
        return root;
    }
}

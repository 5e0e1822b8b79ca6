using System.CommandLine;

namespace Nightjar.Server.Cli;

/// <summary><c>nightjar node ...</c>: running and operating this node.</summary>
internal static class NodeCommand
{
    public static Command Create()
    {
        var node = new Command("node", "Run and operate a Nightjar node.");
        node.Subcommands.Add(NodeRunCommand.Create());
        node.Subcommands.Add(NodeDrainCommand.Create());
        return node;
    }
}

using Nightjar.Server.Diagnostics;

namespace Nightjar.Server.Hosting;

internal sealed partial class NodeLifecycleService
{
    [LoggerMessage(EventId = ServerEventIds.NodeStarting, Level = LogLevel.Information,
        Message = "Nightjar {Version} node {NodeId} starting: roles {Roles}, data {DataPath}, database {DatabaseKind}")]
    private partial void LogStarting(string version, string nodeId, string roles, string dataPath, string databaseKind);

    // Tests and scripts read the address from this line when the port is 0: keep "listening on <urls>".
    [LoggerMessage(EventId = ServerEventIds.NodeListening, Level = LogLevel.Information,
        Message = "Node {NodeId} listening on {Addresses}")]
    private partial void LogListening(string nodeId, string addresses);

    [LoggerMessage(EventId = ServerEventIds.ShutdownStarted, Level = LogLevel.Information,
        Message = "Node {NodeId} shutdown started (budget {TimeoutSeconds} s)")]
    private partial void LogShutdownStarted(string nodeId, int timeoutSeconds);

    [LoggerMessage(EventId = ServerEventIds.ShutdownCompleted, Level = LogLevel.Information,
        Message = "Node {NodeId} shutdown complete in {ElapsedMs} ms")]
    private partial void LogShutdownCompleted(string nodeId, double elapsedMs);
}

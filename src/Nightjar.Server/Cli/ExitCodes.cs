namespace Nightjar.Server.Cli;

/// <summary>Process exit codes of <c>nightjar</c>; scripts and orchestrators depend on them.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A runtime failure: the node could not start (port in use...) or stopped on an error.</summary>
    public const int Failure = 1;

    /// <summary>Bad configuration (file or value), or a command line that does not parse. Retrying will not help.</summary>
    public const int InvalidInput = 2;

    /// <summary>Shutdown overran Shutdown:TimeoutSeconds (plus the telemetry flush margin); the process gave up waiting.</summary>
    public const int ShutdownTimedOut = 3;
}

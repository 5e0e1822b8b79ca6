namespace Nightjar.Media.Ffmpeg;

/// <summary>How <see cref="FfmpegProcess"/> starts a process.</summary>
public sealed record FfmpegProcessOptions
{
    /// <summary>stderr lines kept for the last error.</summary>
    public int StderrLines { get; init; } = 200;

    /// <summary>
    /// Start the process in its own session and process group (through <c>setsid</c>), so signals
    /// reach it and anything it spawned, and a Ctrl-C on the node's terminal does not.
    /// </summary>
    public bool NewProcessGroup { get; init; } = OperatingSystem.IsLinux() && File.Exists(SetsidPath);

    /// <summary>
    /// Have the kernel SIGKILL the process when the host dies (through <c>setpriv --pdeathsig</c>),
    /// so a crashed node never leaves an ffmpeg recording on its own.
    /// </summary>
    public bool KillWithOwner { get; init; } = OperatingSystem.IsLinux() && File.Exists(SetprivPath);

    /// <summary>The setsid(1) binary of util-linux.</summary>
    public const string SetsidPath = "/usr/bin/setsid";

    /// <summary>The setpriv(1) binary of util-linux.</summary>
    public const string SetprivPath = "/usr/bin/setpriv";
}

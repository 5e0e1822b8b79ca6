namespace Nightjar.Media.Tests.Rtsp.Support;

internal sealed record ToolResult(int ExitCode, string Stdout, string Stderr, bool TimedOut)
{
    public override string ToString() => $"exit {ExitCode}{(TimedOut ? " (killed at deadline)" : string.Empty)}\nstderr: {Tail(Stderr)}";

    private static string Tail(string text) => text.Length > 1500 ? text[^1500..] : text;
}

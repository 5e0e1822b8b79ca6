using System.Runtime.InteropServices;

namespace Nightjar.Media.Ffmpeg;

/// <summary>kill(2): .NET can only SIGKILL (Process.Kill); a graceful stop needs SIGTERM.</summary>
internal static class PosixSignals
{
    public const int Kill = 9;
    public const int Terminate = 15;
    public const int Continue = 18;
    public const int Stop = 19;

    public static bool IsSupported => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD();

    /// <summary>Sends <paramref name="signal"/> to a process, or to a process group when <paramref name="pid"/> is negative.</summary>
    public static bool Send(int pid, int signal) => NativeMethods.Kill(pid, signal) == 0;

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
        public static extern int Kill(int pid, int signal);
    }
}

using System.Runtime.InteropServices;

namespace Nightjar.Media.Segments;

public static partial class FileDurability
{
    private static class NativeMethods
    {
        // O_RDONLY | O_DIRECTORY | O_CLOEXEC on Linux (x64 and arm64 share these values).
        public const int ReadOnlyDirectory = 0x0 | 0x10000 | 0x80000;

        [DllImport("libc", EntryPoint = "open", SetLastError = true)]
        public static extern int Open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", EntryPoint = "fsync", SetLastError = true)]
        public static extern int Fsync(int fd);

        [DllImport("libc", EntryPoint = "close", SetLastError = true)]
        public static extern int Close(int fd);
    }
}

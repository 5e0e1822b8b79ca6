using System.Reflection;

namespace Nightjar.Server.Hosting;

/// <summary>The version of this build, from the assembly's informational version (e.g. <c>0.1.0+3f2c1ab</c>).</summary>
internal static class NightjarVersion
{
    /// <summary>Version with build metadata (the commit), as printed by <c>nightjar version</c>.</summary>
    public static string Informational { get; } =
        typeof(NightjarVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(NightjarVersion).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>Version without build metadata (e.g. <c>0.1.0</c>).</summary>
    public static string Short { get; } = Informational.Split('+')[0];
}

using System.Text;

namespace Nightjar.Media.Ffmpeg;

/// <summary>
/// A program and its argument list, started without a shell (each argument is one
/// <c>ProcessStartInfo.ArgumentList</c> entry, so nothing needs shell quoting).
/// </summary>
/// <param name="FileName">The program (<c>ffmpeg</c> is looked up on PATH).</param>
/// <param name="Arguments">The arguments, literally.</param>
/// <param name="SensitiveValues">Secrets in the arguments (passwords, raw and escaped) to scrub from logs and stderr.</param>
public sealed record FfmpegCommand(string FileName, IReadOnlyList<string> Arguments, IReadOnlyList<string> SensitiveValues)
{
    public FfmpegCommand(string fileName, IReadOnlyList<string> arguments)
        : this(fileName, arguments, [])
    {
    }

    /// <summary>A shell-like rendering for logs and docs, with credentials redacted.</summary>
    public string ToDisplayString()
    {
        var builder = new StringBuilder(FileName);
        foreach (var argument in Arguments)
        {
            var shown = UrlRedactor.RedactText(argument, SensitiveValues);
            builder.Append(' ');
            if (shown.Length > 0 && shown.All(c => char.IsAsciiLetterOrDigit(c) || "-_+=:/.,%@*".Contains(c, StringComparison.Ordinal)))
            {
                builder.Append(shown);
            }
            else
            {
                builder.Append('\'').Append(shown.Replace("'", "'\\''", StringComparison.Ordinal)).Append('\'');
            }
        }

        return builder.ToString();
    }

    /// <summary>Never the raw arguments: they may hold credentials.</summary>
    public override string ToString() => ToDisplayString();
}

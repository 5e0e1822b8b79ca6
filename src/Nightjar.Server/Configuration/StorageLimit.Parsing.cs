using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Nightjar.Server.Configuration;

/// <summary>Token-level parsing of <see cref="StorageLimit"/>: every failure names what is wrong with which part.</summary>
internal readonly partial record struct StorageLimit
{
    private const string Expected =
        "expected a share of the filesystem ('90%'), a size ('500GB'; units B, KB, MB, GB, TB, PB, KiB, MiB, GiB, TiB, PiB), "
        + "optionally followed by a depth ('50% 7d'; units m, h, d)";

    private static readonly SearchValues<char> NumberChars = SearchValues.Create("0123456789.");

    private static bool IsDepthToken(string token) =>
        token.Length >= 2
        && char.IsAsciiDigit(token[0])
        && token[^1] is 'm' or 'M' or 'h' or 'H' or 'd' or 'D'
        && !token.AsSpan(0, token.Length - 1).ContainsAnyExceptInRange('0', '9');

    private static bool TryParseDepth(string token, out TimeSpan depth, [NotNullWhen(false)] out string? reason)
    {
        depth = default;
        var digits = token.AsSpan(0, token.Length - 1);
        var unit = char.ToLowerInvariant(token[^1]);
        var unitSpan = unit switch { 'm' => TimeSpan.FromMinutes(1), 'h' => TimeSpan.FromHours(1), _ => TimeSpan.FromDays(1) };
        var maxUnits = MaxDepth.Ticks / unitSpan.Ticks;
        if (!long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count > maxUnits)
        {
            reason = $"depth '{token}' is longer than {MaxDepth.TotalDays.ToString(CultureInfo.InvariantCulture)} days";
            return false;
        }

        if (count == 0)
        {
            reason = $"depth '{token}' must be greater than zero";
            return false;
        }

        depth = TimeSpan.FromTicks(count * unitSpan.Ticks);
        reason = null;
        return true;
    }

    private static bool TryParseSpace(string token, out double? percent, out long? bytes, [NotNullWhen(false)] out string? reason)
    {
        percent = null;
        bytes = null;
        if (token.EndsWith('%'))
        {
            if (!TryParseNumber(token.AsSpan(0, token.Length - 1), out var value) || value <= 0m || value > 100m)
            {
                reason = $"percentage '{Printable(token)}' must be a number greater than 0 and at most 100";
                return false;
            }

            percent = (double)value;
            reason = null;
            return true;
        }

        foreach (var (suffix, multiplier) in SizeUnits)
        {
            if (!token.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                || !TryParseNumber(token.AsSpan(0, token.Length - suffix.Length), out var value))
            {
                continue;
            }

            // Compare before multiplying: decimal would overflow for absurd inputs.
            if (value > long.MaxValue / (decimal)multiplier)
            {
                reason = $"size '{Printable(token)}' is too large";
                return false;
            }

            var total = decimal.Floor(value * multiplier);
            if (total < 1m)
            {
                reason = $"size '{Printable(token)}' must be at least 1 byte";
                return false;
            }

            bytes = (long)total;
            reason = null;
            return true;
        }

        reason = DescribeBadSize(token);
        return false;
    }

    private static string DescribeBadSize(string token)
    {
        var numberEnd = token.AsSpan().IndexOfAnyExcept(NumberChars);
        if (numberEnd < 0)
        {
            return $"size '{Printable(token)}' has no unit";
        }

        if (numberEnd == 0)
        {
            return SizeUnits.Any(u => token.EndsWith(u.Suffix, StringComparison.OrdinalIgnoreCase))
                ? $"size '{Printable(token)}' does not start with a number"
                : $"'{Printable(token)}' is neither a percentage, a size nor a depth";
        }

        var unit = token[numberEnd..];
        return unit.AsSpan().IndexOfAny(NumberChars) >= 0 || !TryParseNumber(token.AsSpan(0, numberEnd), out _)
            ? $"size '{Printable(token)}' is not a number followed by a unit"
            : $"size '{Printable(token)}' has an unknown unit '{Printable(unit)}'";
    }

    private static bool TryParseNumber(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0m;
        // Digits and one decimal point only: no signs, exponents, separators or white space.
        return text.Length > 0
            && char.IsAsciiDigit(text[0])
            && decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static bool Fail(string input, string reason, out string error)
    {
        error = $"'{Printable(input)}' is not a valid storage limit: {reason}; {Expected}";
        return false;
    }

    /// <summary>Keeps error messages on one line whatever the input held.</summary>
    private static string Printable(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? '?' : c);
        }

        return builder.ToString();
    }
}

using System.Text;

namespace Nightjar.Recording.Tests.Support;

/// <summary>Seeded random inputs for parser robustness tests, and a hard deadline around them.</summary>
internal static class Fuzz
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private const string Printable = " !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~";

    /// <summary>Runs <paramref name="body"/> off the test thread and fails the test if it does not finish in time (a hang).</summary>
    public static async Task WithinDeadlineAsync(Action body) => await Task.Run(body).WaitAsync(Deadline);

    /// <summary>
    /// Random strings biased towards <paramref name="alphabet"/> (the characters the parser cares about), plus
    /// printable ASCII, control characters, non-ASCII letters, lone surrogates, and now and then a very long one.
    /// </summary>
    public static IEnumerable<string> Strings(int seed, int count, string alphabet, int maxLength = 40)
    {
        var random = new Random(seed);
        yield return string.Empty;
        yield return new string('9', 100_000);
        yield return new string(alphabet[0], 1_000_000);
        for (var i = 0; i < count; i++)
        {
            var length = random.Next(0, maxLength + 1);
            var builder = new StringBuilder(length);
            for (var j = 0; j < length; j++)
            {
                builder.Append(random.Next(10) switch
                {
                    < 6 => alphabet[random.Next(alphabet.Length)],
                    < 8 => Printable[random.Next(Printable.Length)],
                    8 => (char)random.Next(0, 32),
                    _ => random.Next(3) switch
                    {
                        0 => (char)random.Next(0xD800, 0xE000),
                        1 => 'é',
                        _ => (char)random.Next(0x80, 0xFFFF),
                    },
                });
            }

            yield return builder.ToString();
        }
    }

    /// <summary>Every prefix of <paramref name="text"/> (truncations at each position).</summary>
    public static IEnumerable<string> Prefixes(string text)
    {
        for (var i = 0; i <= text.Length; i++)
        {
            yield return text[..i];
        }
    }
}

namespace Nightjar.Actors.Runtime;

internal static class ActorNames
{
    public const int MaxLength = 256;

    /// <summary>Names become path segments: no separators, no whitespace, and <c>$</c> is kept for generated names.</summary>
    public static void Validate(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is 0 or > MaxLength)
        {
            throw new InvalidActorNameException($"An actor name must have 1 to {MaxLength} characters; got {name.Length}.");
        }

        if (name[0] == '$')
        {
            throw new InvalidActorNameException($"Actor name '{name}' starts with '$', which is reserved for generated names.");
        }

        foreach (char c in name)
        {
            if (c == '/' || char.IsWhiteSpace(c) || char.IsControl(c))
            {
                throw new InvalidActorNameException($"Actor name '{name}' contains '/', whitespace or a control character.");
            }
        }
    }

    public static void ValidateSystemName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Validate(name);
    }
}

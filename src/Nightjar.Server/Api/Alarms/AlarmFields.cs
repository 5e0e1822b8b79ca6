using Nightjar.Recording.Events;
using Nightjar.Recording.Validation;

namespace Nightjar.Server.Api.Alarms;

/// <summary>The rules for alarm types and states shared by the alarm API and the trigger.</summary>
internal static class AlarmFields
{
    public const int MaxTypeLength = 64;

    public const string TypeRule = "must be 1 to 64 characters of A-Z, a-z, 0-9, '_', '.', '-'";

    /// <summary>Whether <paramref name="type"/> is 1 to 64 characters of <c>[A-Za-z0-9_.-]</c>.</summary>
    public static bool IsValidType(string? type) =>
        type is { Length: > 0 and <= MaxTypeLength } && type.All(static c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-');

    /// <summary>The state named exactly <c>active</c>, <c>inactive</c> or <c>pulse</c>.</summary>
    public static bool TryParseState(string? text, out AlarmState state)
    {
        switch (text)
        {
            case "active":
                state = AlarmState.Active;
                return true;
            case "inactive":
                state = AlarmState.Inactive;
                return true;
            case "pulse":
                state = AlarmState.Pulse;
                return true;
            default:
                state = default;
                return false;
        }
    }

    public static string NameOf(AlarmState state) => state switch
    {
        AlarmState.Active => "active",
        AlarmState.Inactive => "inactive",
        _ => "pulse",
    };

    public static ValidationError InvalidType(string field) => new(field, TypeRule);
}

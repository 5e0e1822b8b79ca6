namespace Nightjar.Recording.Events;

/// <summary>
/// The stable name an event is stored under in the journal (<c>camera.added.v1</c>). The name, not the CLR type,
/// is what the journal keeps: a type may be renamed or moved, and an incompatible new shape gets a new name
/// (<c>.v2</c>). The host registers these names with the journal's type registry.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = false)]
public sealed class JournalTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

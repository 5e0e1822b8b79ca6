namespace Nightjar.Actors.Runtime;

/// <summary>Implemented by every ref this runtime hands out, so death watch can reach the cell behind a ref.</summary>
internal interface ICellRef
{
    ActorCell Cell { get; }
}

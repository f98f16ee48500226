namespace Kompetensbron.Core;

/// <summary>
/// Something several people may edit at once (a need, a profile, a programme): every save increments
/// <see cref="Version"/>, and a save based on an older version is refused, so no one's change is silently lost.
/// </summary>
public interface IVersioned
{
    /// <summary>Incremented by the database context on every save; the ETag of the REST API.</summary>
    int Version { get; set; }
}

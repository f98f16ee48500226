using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kompetensbron.Core.Placement;

/// <summary>
/// The JSON form of a round and its results (camelCase names, enums as camelCase strings, dates as
/// yyyy-MM-dd), documented in docs/decisions/0009-placement.md; the CLI reads round files with it.
/// </summary>
public static class PlacementRoundJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads a round; a missing required field or an unknown one is an error that names it.</summary>
    /// <exception cref="JsonException">The JSON is not a round.</exception>
    public static PlacementRound Read(Stream json) =>
        JsonSerializer.Deserialize<PlacementRound>(json, Options) ?? throw new JsonException("The file holds no round (null).");

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);
}

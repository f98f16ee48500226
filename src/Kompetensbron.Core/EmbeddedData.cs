using System.IO.Compression;

namespace Kompetensbron.Core;

/// <summary>Opens the gzip'd reference data files that Kompetensbron.Core.csproj embeds from <c>data/</c>.</summary>
internal static class EmbeddedData
{
    /// <summary>A decompressing stream over the embedded file <paramref name="fileName"/> (e.g. "taxonomy.json.gz").</summary>
    public static Stream Open(string fileName)
    {
        var resourceName = "Kompetensbron.Data." + fileName;
        var raw = typeof(EmbeddedData).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException(
                $"Embedded resource '{resourceName}' is missing; regenerate data/ with tools/derive-data.py.");
        return new GZipStream(raw, CompressionMode.Decompress, leaveOpen: false);
    }
}

using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Kompetensbron.Core.Import.JobTech;

/// <summary>How the ads in a JobTech file are laid out.</summary>
public enum JobTechFileLayout
{
    Unknown,

    /// <summary>One ad object (JobSearch <c>/ad/{id}</c>).</summary>
    SingleAd,

    /// <summary>A JSON array of ads (JobStream, historical-ads files).</summary>
    Array,

    /// <summary>A JobSearch <c>/search</c> response: the ads are in <c>hits</c>.</summary>
    SearchResponse,

    /// <summary>One ad per line (JSON Lines).</summary>
    JsonLines,
}

/// <summary>An ad and its position in the file (the first ad is 1).</summary>
public readonly record struct JobTechAdEntry(int Number, JobTechAd Ad);

/// <summary>
/// Streams the ads of a JobTech file, detecting its layout (<see cref="JobTechFileLayout"/>) from the first JSON
/// token: memory stays constant whatever the number of ads (a JobSearch response holds at most 100 hits per page).
/// A malformed ad stops the reading with an <see cref="ImportFileException"/> that names the ad's number.
/// </summary>
public sealed partial class JobTechAdReader(Stream utf8Json)
{
    public JobTechFileLayout Layout { get; private set; }

    public async IAsyncEnumerable<JobTechAdEntry> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var (first, stream) = await PeekFirstTokenAsync(utf8Json, cancellationToken);
        var number = 0;
        string? previousId = null;
        if (first == '[')
        {
            Layout = JobTechFileLayout.Array;
            var ads = JsonSerializer.DeserializeAsyncEnumerable(stream, JobTechJsonContext.Default.JobTechAd, cancellationToken);
            await foreach (var ad in Guard(ads))
            {
                number++;
                previousId = Checked(ad, number, previousId).Id;
                yield return new JobTechAdEntry(number, ad!);
            }

            yield break;
        }

        if (first != '{')
        {
            throw new ImportFileException(
                "Filen är inte JSON med JobTech-annonser: den ska börja med { eller [.",
                "The file is not JSON with JobTech ads: it must start with { or [.");
        }

        var values = JsonSerializer.DeserializeAsyncEnumerable(stream, JobTechJsonContext.Default.JobTechTopLevel, topLevelValues: true, cancellationToken);
        var topLevelCount = 0;
        await foreach (var value in Guard(values))
        {
            topLevelCount++;
            if (value?.Hits is { } hits)
            {
                Layout = JobTechFileLayout.SearchResponse;
                foreach (var hit in hits)
                {
                    number++;
                    previousId = Checked(hit, number, previousId).Id;
                    yield return new JobTechAdEntry(number, hit);
                }
            }
            else
            {
                Layout = topLevelCount == 1 ? JobTechFileLayout.SingleAd : JobTechFileLayout.JsonLines;
                number++;
                previousId = Checked(value, number, previousId).Id;
                yield return new JobTechAdEntry(number, value!);
            }
        }
    }

    private static JobTechAd Checked(JobTechAd? ad, int number, string? previousId)
    {
        if (ad is null || string.IsNullOrWhiteSpace(ad.Id))
        {
            throw new ImportFileException(
                $"Annons nr {number}{After(previousId, "efter")}: saknar id.",
                $"Ad no. {number}{After(previousId, "after")}: has no id.");
        }

        return ad;
    }

    private static string After(string? previousId, string word) => previousId is null ? "" : $" ({word} id {previousId})";

    /// <summary>
    /// Where a JSON error is: the serializer parses a whole buffer of ads before handing out the first, so the count of
    /// ads read so far is not the place. An array's error path names the ad ("$[41]"); JSON Lines have one ad a line.
    /// </summary>
    private static ImportFileException Invalid(JsonException e)
    {
        var line = (e.LineNumber ?? 0) + 1;
        var match = ArrayIndex().Match(e.Path ?? "");
        var (sv, en) = match.Success && int.TryParse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture, out var index)
            ? ($"Annons nr {index + 1} (rad {line})", $"Ad no. {index + 1} (line {line})")
            : ($"Annonsen på rad {line}", $"The ad on line {line}");
        return new ImportFileException($"{sv}: ogiltig JSON, inget importerades ({e.Message}).", $"{en}: invalid JSON, nothing was imported ({e.Message}).", e);
    }

    [GeneratedRegex(@"^\$\[(\d+)\]")]
    private static partial Regex ArrayIndex();

    /// <summary>Turns a JSON error into a message naming the ad it happened in.</summary>
    private static async IAsyncEnumerable<T> Guard<T>(IAsyncEnumerable<T> source)
    {
        var enumerator = source.GetAsyncEnumerator();
        await using (enumerator)
        {
            while (true)
            {
                try
                {
                    if (!await enumerator.MoveNextAsync())
                    {
                        yield break;
                    }
                }
                catch (JsonException e)
                {
                    throw Invalid(e);
                }

                yield return enumerator.Current;
            }
        }
    }

    /// <summary>The first byte that is not a byte order mark or white space, and a stream that still starts at the beginning.</summary>
    private static async Task<(char First, Stream Stream)> PeekFirstTokenAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken);
            if (read == 0)
            {
                break;
            }

            length += read;
            var start = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
            for (var i = start; i < length; i++)
            {
                if (buffer[i] is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
                {
                    return ((char)buffer[i], new PrefixedStream(buffer, length, stream));
                }
            }
        }

        if (length == 0 || length < buffer.Length)
        {
            throw new ImportFileException("Filen är tom.", "The file is empty.");
        }

        return ('\0', stream);
    }
}

/// <summary>A read-only stream: the bytes already read from <paramref name="inner"/>, then the rest of it.</summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream inner) : Stream
{
    private int _position;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position < prefixLength)
        {
            var n = Math.Min(buffer.Length, prefixLength - _position);
            prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        return inner.Read(buffer);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position < prefixLength)
        {
            return ValueTask.FromResult(Read(buffer.Span));
        }

        return inner.ReadAsync(buffer, cancellationToken);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

namespace Kompetensbron.Core.Import;

/// <summary>
/// One problem found in an imported file, where a person can find it: the row as a spreadsheet shows it (the header
/// is row 1) or the ad's number in a JobTech file (the first ad is 1), the column or field, and the message in
/// Swedish and English.
/// </summary>
public sealed record ImportError(int Row, string? Column, string MessageSv, string MessageEn)
{
    /// <summary>The record's own id where it has one (a JobTech ad id), to find it in the source system.</summary>
    public string? RecordId { get; init; }

    public override string ToString() =>
        (Column is null ? $"rad/row {Row}" : $"rad/row {Row}, {Column}") + (RecordId is null ? "" : $" (id {RecordId})") + $": {MessageSv} / {MessageEn}";
}

/// <summary>A file that cannot be imported at all (malformed, too large, wrong encoding); nothing was written.</summary>
public sealed class ImportFileException : Exception
{
    public ImportFileException(string messageSv, string messageEn, Exception? inner = null)
        : base($"{messageSv} / {messageEn}", inner)
    {
        MessageSv = messageSv;
        MessageEn = messageEn;
    }

    public ImportFileException()
        : this("Filen kan inte läsas.", "The file cannot be read.")
    {
    }

    public ImportFileException(string message)
        : this(message, message)
    {
    }

    public ImportFileException(string message, Exception inner)
        : this(message, message, inner)
    {
    }

    public string MessageSv { get; }
    public string MessageEn { get; }
}

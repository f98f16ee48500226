namespace Kompetensbron.Core;

/// <summary>The longest names, titles and descriptions the database stores; imports shorten or reject longer text.</summary>
public static class FieldLengths
{
    public const int Name = 200;
    public const int Title = 200;
    public const int Description = 4000;
}

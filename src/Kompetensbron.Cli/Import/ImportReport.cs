using Kompetensbron.Core.Import;

namespace Kompetensbron.Cli.Import;

/// <summary>How import errors are listed on the console.</summary>
internal static class ImportReport
{
    private const int Shown = 50;

    public static void WriteErrors(CliConsole console, string heading, IReadOnlyList<ImportError> errors)
    {
        if (errors.Count == 0)
        {
            return;
        }

        console.Error.WriteLine($"{heading} ({errors.Count}):");
        foreach (var error in errors.Take(Shown))
        {
            console.Error.WriteLine($"  {error}");
        }

        if (errors.Count > Shown)
        {
            console.Error.WriteLine($"  … {errors.Count - Shown} more (use --json for all).");
        }
    }
}

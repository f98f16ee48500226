namespace Kompetensbron.Cli;

// An explicit entry class in our namespace: a top-level-statement Program would clash with the web app's
// global Program in tests that reference both.
internal static class Program
{
    public static Task<int> Main(string[] args) => CliApp.RunAsync(args, Console.Out, Console.Error);
}

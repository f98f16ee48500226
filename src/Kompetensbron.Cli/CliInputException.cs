namespace Kompetensbron.Cli;

/// <summary>Bad input on the command line; its message is shown to the user as is.</summary>
internal sealed class CliInputException(string message) : Exception(message);

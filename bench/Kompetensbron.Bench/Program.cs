using BenchmarkDotNet.Running;

// All suites in this assembly; pick with --filter, e.g.
//   dotnet run -c Release --project bench/Kompetensbron.Bench -- --filter '*Load*' --job short
BenchmarkSwitcher.FromAssembly(typeof(Kompetensbron.Bench.ReferenceDataLoadBenchmarks).Assembly).Run(args);
